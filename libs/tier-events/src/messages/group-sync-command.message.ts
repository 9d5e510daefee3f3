import { ValidateIf } from 'class-validator';
import {
  EpochMillisField,
  IdField,
  IdListField,
  IntField,
  NestedField,
} from '../validation/field.decorators';
import { GroupMessageBase } from './group-message.base';
import { GroupSnapshot } from './group-snapshot.fields';
import { messageCodec, type MessageInit } from './message-codec';
import { PartnerUpdate, Provenance, SyncTrigger } from './sync.fields';

export class GroupSyncCommand extends GroupMessageBase {
  /** The primary the group follows; the command is ignored if they no longer lead it. */
  @IdField() primaryCustomerId!: number;
  @ValidateIf(
    (command: GroupSyncCommand) => command.kind !== 'PARTNER_SYNC' || command.programId !== undefined,
  )
  @IdField()
  programId?: number;
  @NestedField(() => SyncTrigger) trigger!: SyncTrigger;
  @IdListField({ optional: true }) memberIds?: number[];
  @ValidateIf((command: GroupSyncCommand) => command.kind === 'PARTNER_SYNC' || command.partner !== undefined)
  @NestedField(() => PartnerUpdate)
  partner?: PartnerUpdate;
  @IntField({ min: 0 }) attempt!: number;
  @EpochMillisField({ optional: true }) notBefore?: number;
  @NestedField(() => Provenance, { optional: true }) provenance?: Provenance;
  @EpochMillisField() createdAt!: number;
  /** The group as the router's lookup read it, so the first sync of the command need not read it again
   * on whichever instance runs it. */
  @NestedField(() => GroupSnapshot, { optional: true }) groupSnapshot?: GroupSnapshot;
}

export type GroupSyncCommandInit = MessageInit<GroupSyncCommand>;

const codec = messageCodec(GroupSyncCommand);
export const parseGroupSyncCommand: (raw: unknown) => GroupSyncCommand = codec.parse;
export const createGroupSyncCommand: (init: GroupSyncCommandInit) => GroupSyncCommand = codec.create;
