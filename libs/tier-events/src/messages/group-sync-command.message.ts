import { ValidateIf } from 'class-validator';
import {
  EpochMillisField,
  IdField,
  IdListField,
  IntField,
  NestedField,
} from '../validation/field.decorators';
import { GroupMessageBase } from './group-message.base';
import { messageCodec, type MessageInit } from './message-codec';
import { PartnerUpdate, Provenance, SyncTrigger } from './sync.fields';

/** One unit of work for one group, keyed by groupId on the group-commands topics. */
export class GroupSyncCommand extends GroupMessageBase {
  /** The primary the group follows; the command is ignored if they no longer lead it. */
  @IdField() primaryCustomerId!: number;
  /** Loyalty tiers are per program; a partner sync names its partner program instead. */
  @ValidateIf(
    (command: GroupSyncCommand) => command.kind !== 'PARTNER_SYNC' || command.programId !== undefined,
  )
  @IdField()
  programId?: number;
  @NestedField(() => SyncTrigger) trigger!: SyncTrigger;
  /** Restricts the sync to these members: a join sync, or a retry of only the members that failed. */
  @IdListField({ optional: true }) memberIds?: number[];
  @ValidateIf((command: GroupSyncCommand) => command.kind === 'PARTNER_SYNC' || command.partner !== undefined)
  @NestedField(() => PartnerUpdate)
  partner?: PartnerUpdate;
  /** Deliveries so far that ended in a retry; 0 for a fresh command. */
  @IntField({ min: 0 }) attempt!: number;
  /** A delayed retry must not run before this instant (epoch ms). */
  @EpochMillisField({ optional: true }) notBefore?: number;
  @NestedField(() => Provenance, { optional: true }) provenance?: Provenance;
  @EpochMillisField() createdAt!: number;
}

export type GroupSyncCommandInit = MessageInit<GroupSyncCommand>;

const codec = messageCodec(GroupSyncCommand);
export const parseGroupSyncCommand: (raw: unknown) => GroupSyncCommand = codec.parse;
export const createGroupSyncCommand: (init: GroupSyncCommandInit) => GroupSyncCommand = codec.create;
