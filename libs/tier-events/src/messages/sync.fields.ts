import {
  BooleanField,
  EpochMillisField,
  IntField,
  OneOfField,
  ScalarField,
  TextField,
  UuidField,
} from '../validation/field.decorators';

export const SYNC_ACTIONS = [
  'UPGRADE',
  'DOWNGRADE',
  'RENEWAL',
  'JOIN',
  'RECONCILE',
  'PARTNER_UPDATE',
] as const;
export type SyncAction = (typeof SYNC_ACTIONS)[number];

export const PROVENANCE_SOURCES = ['webhook', 'retry', 'redrive', 'reconcile', 'replay'] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];

/** Why a sync runs: the primary's event (or the operator's action) it answers. */
export class SyncTrigger {
  @TextField({ optional: true }) eventId?: string;
  @TextField({ optional: true }) eventName?: string;
  @OneOfField(SYNC_ACTIONS) action!: SyncAction;
  @IntField({ min: 1, optional: true }) tierNumber?: number;
  @TextField({ optional: true }) tierName?: string;
  @EpochMillisField() occurredAt!: number;
}

/**
 * The partner-program tier to mirror (customerPartnerProgramUpdate takes names: docs/architecture.md,
 * API fact 22). The documented event gives only the number (API fact 23); the sync names it when
 * `tierName` is absent (API fact 25).
 */
export class PartnerUpdate {
  @TextField({ nonEmpty: true }) partnerProgramName!: string;
  @IntField({ min: 1, optional: true }) tierNumber?: number;
  @TextField({ optional: true }) tierName?: string;
  @TextField({ optional: true }) tierExpiryDate?: string;
  @TextField({ optional: true }) updateType?: string;
}

/** Where a command came from, so that a redriven or replayed sync can be traced to its origin. */
export class Provenance {
  @OneOfField(PROVENANCE_SOURCES) source!: ProvenanceSource;
  @UuidField({ optional: true }) deadLetterId?: string;
  @UuidField({ optional: true }) originalCommandId?: string;
}

/** A failed call as the audit trail and the DLQ keep it. */
export class SyncError {
  @TextField({ nonEmpty: true }) message!: string;
  /** HTTP status, when there was a response. */
  @IntField({ optional: true }) status?: number;
  /** Capillary error code (e.g. 8015) or a network error code (e.g. ECONNRESET). */
  @ScalarField({ optional: true }) code?: number | string;
  @BooleanField() retryable!: boolean;
}
