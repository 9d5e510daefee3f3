import { TierName } from '../events/fields/loyalty-program.fields';
import {
  BooleanField,
  EpochMillisField,
  IdField,
  IntField,
  ListField,
  NestedField,
  OneOfField,
  TextField,
  UuidField,
} from '../validation/field.decorators';
import { GroupMessageBase } from './group-message.base';
import { messageCodec, type MessageInit } from './message-codec';
import { SyncError, SyncTrigger } from './sync.fields';

export const SYNC_OUTCOMES = [
  'SYNCED',
  'PARTIAL',
  'FAILED',
  'NOTHING_TO_DO',
  'ALREADY_APPLIED',
  'IGNORED',
] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];
export const MEMBER_ACTIONS = ['UPGRADE', 'DOWNGRADE', 'RENEWAL', 'NONE'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];
export const MEMBER_OUTCOMES = [
  'ADJUSTED',
  'UNCHANGED',
  'SKIPPED',
  'RETRY_SCHEDULED',
  'DEAD_LETTERED',
  'PLANNED',
  'ALREADY_APPLIED',
] as const;
export type MemberOutcome = (typeof MEMBER_OUTCOMES)[number];

export class MemberTier {
  @IntField({ min: 0 }) number!: number;
  @TextField({ optional: true }) name?: string;
}

/** The earlier run of the same command (or of the command it retries) that made this member's adjustment;
 * recorded says whether that run's own sync-results record already lists the member as ADJUSTED. */
export class AppliedBy {
  @UuidField() runId!: string;
  @IntField({ min: 0 }) attempt!: number;
  @BooleanField() recorded!: boolean;
}

export class MemberSyncResult {
  @IdField() customerId!: number;
  @NestedField(() => MemberTier, { optional: true }) tierBefore?: MemberTier;
  @NestedField(() => MemberTier, { optional: true }) tierAfter?: MemberTier;
  @OneOfField(MEMBER_ACTIONS) action!: MemberAction;
  @OneOfField(MEMBER_OUTCOMES) outcome!: MemberOutcome;
  @IntField({ min: 0 }) attempts!: number;
  @NestedField(() => SyncError, { optional: true }) error?: SyncError;
  /** manualSlabAdjustment's sideEffects, kept as the API returned them for the audit trail. */
  @ListField({ optional: true }) sideEffects?: unknown[];
  @NestedField(() => AppliedBy, { optional: true }) appliedBy?: AppliedBy;
}

export class SyncResult extends GroupMessageBase {
  /** Absent only on the FAILED result of a command too damaged to name its primary. */
  @IdField({ optional: true }) primaryCustomerId?: number;
  @IdField({ optional: true }) programId?: number;
  /** Absent on records written before runs were journalled, and on results no run produced. */
  @UuidField({ optional: true }) runId?: string;
  @NestedField(() => SyncTrigger) trigger!: SyncTrigger;
  @BooleanField() dryRun!: boolean;
  @OneOfField(SYNC_OUTCOMES) outcome!: SyncOutcome;
  @TextField({ optional: true }) reason?: string;
  @NestedField(() => TierName, { optional: true }) target?: TierName;
  @NestedField(() => MemberSyncResult, { each: true }) members!: MemberSyncResult[];
  @EpochMillisField() startedAt!: number;
  @EpochMillisField() finishedAt!: number;
  @IntField({ min: 0 }) durationMs!: number;
}

export type SyncResultInit = MessageInit<SyncResult>;

const codec = messageCodec(SyncResult);
export const parseSyncResult: (raw: unknown) => SyncResult = codec.parse;
export const createSyncResult: (init: SyncResultInit) => SyncResult = codec.create;
