import {
  EpochMillisField,
  IdField,
  IdListField,
  IntField,
  NestedField,
  OneOfField,
  UuidField,
} from '../validation/field.decorators';
import { GroupMessageBase } from './group-message.base';
import { messageCodec, type MessageInit } from './message-codec';
import { type MemberAction, MemberTier } from './sync-result.message';

const WRITE_ACTIONS = ['UPGRADE', 'DOWNGRADE', 'RENEWAL'] as const satisfies readonly MemberAction[];

export class IntendedAdjustment {
  @IdField() customerId!: number;
  @OneOfField(WRITE_ACTIONS) action!: (typeof WRITE_ACTIONS)[number];
  @NestedField(() => MemberTier, { optional: true }) fromTier?: MemberTier;
  @NestedField(() => MemberTier) toTier!: MemberTier;
}

/**
 * Written before a run's Capillary writes, so a later run of the same command can tell an adjustment it
 * finds already made from one nobody made. lineageId is the command the retries descend from.
 */
export class SyncJournalIntent extends GroupMessageBase {
  @UuidField() lineageId!: string;
  @UuidField() runId!: string;
  @IntField({ min: 0 }) attempt!: number;
  @NestedField(() => IntendedAdjustment, { each: true }) members!: IntendedAdjustment[];
  /** Members whose journalled write Capillary refused (8925, a permanent code): this run did not adjust them. */
  @IdListField({ optional: true }) refused?: number[];
  /** Until then the run may still be writing; a later run finding no result waits for it or for this. */
  @EpochMillisField() leaseUntil!: number;
  @EpochMillisField() writtenAt!: number;
}

export type SyncJournalIntentInit = MessageInit<SyncJournalIntent>;

const codec = messageCodec(SyncJournalIntent);
export const parseSyncJournalIntent: (raw: unknown) => SyncJournalIntent = codec.parse;
export const createSyncJournalIntent: (init: SyncJournalIntentInit) => SyncJournalIntent = codec.create;
