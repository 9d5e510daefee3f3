import { ConstantField, IdField, OneOfField, UuidField } from '../validation/field.decorators';
import { MESSAGE_SCHEMA_VERSION } from './message-codec';

export const COMMAND_KINDS = ['TIER_SYNC', 'JOIN_SYNC', 'PARTNER_SYNC', 'RECONCILE'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

export abstract class GroupMessageBase {
  @ConstantField(MESSAGE_SCHEMA_VERSION) schemaVersion!: typeof MESSAGE_SCHEMA_VERSION;
  @UuidField() commandId!: string;
  @OneOfField(COMMAND_KINDS) kind!: CommandKind;
  @IdField() groupId!: number;
}
