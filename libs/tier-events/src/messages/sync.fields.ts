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

export class SyncTrigger {
  @TextField({ optional: true }) eventId?: string;
  @TextField({ optional: true }) eventName?: string;
  @OneOfField(SYNC_ACTIONS) action!: SyncAction;
  @IntField({ min: 1, optional: true }) tierNumber?: number;
  @TextField({ optional: true }) tierName?: string;
  @EpochMillisField() occurredAt!: number;
}

/** customerPartnerProgramUpdate takes names (API fact 22); the event gives only the number (API fact 23). */
export class PartnerUpdate {
  @TextField({ nonEmpty: true }) partnerProgramName!: string;
  @IntField({ min: 1, optional: true }) tierNumber?: number;
  @TextField({ optional: true }) tierName?: string;
  @TextField({ optional: true }) tierExpiryDate?: string;
  @TextField({ optional: true }) updateType?: string;
}

export class Provenance {
  @OneOfField(PROVENANCE_SOURCES) source!: ProvenanceSource;
  @UuidField({ optional: true }) deadLetterId?: string;
  @UuidField({ optional: true }) originalCommandId?: string;
}

export class SyncError {
  @TextField({ nonEmpty: true }) message!: string;
  @IntField({ optional: true }) status?: number;
  @ScalarField({ optional: true }) code?: number | string;
  @BooleanField() retryable!: boolean;
}
