import {
  ConstantField,
  EpochMillisField,
  IdField,
  IntField,
  NestedField,
  TextField,
  UuidField,
} from '../validation/field.decorators';
import { GroupSyncCommand } from './group-sync-command.message';
import { MESSAGE_SCHEMA_VERSION, messageCodec, type MessageInit } from './message-codec';
import { SyncError } from './sync.fields';

export class KafkaSource {
  @TextField({ nonEmpty: true }) topic!: string;
  @IntField({ min: 0 }) partition!: number;
  /** kafkajs offsets are decimal strings (they can exceed 2^53). */
  @TextField({ pattern: { regex: /^\d+$/, message: 'must be a decimal string' } }) offset!: string;
}

export class DeadLetter {
  @ConstantField(MESSAGE_SCHEMA_VERSION) schemaVersion!: typeof MESSAGE_SCHEMA_VERSION;
  @UuidField() deadLetterId!: string;
  @UuidField() commandId!: string;
  @IdField() groupId!: number;
  @IdField({ optional: true }) customerId?: number;
  @NestedField(() => SyncError) reason!: SyncError;
  @IntField({ min: 0 }) attempts!: number;
  /** Redrive re-publishes exactly this command. */
  @NestedField(() => GroupSyncCommand) command!: GroupSyncCommand;
  @NestedField(() => KafkaSource, { optional: true }) source?: KafkaSource;
  @EpochMillisField() failedAt!: number;
}

export type DeadLetterInit = MessageInit<DeadLetter>;

const codec = messageCodec(DeadLetter);
export const parseDeadLetter: (raw: unknown) => DeadLetter = codec.parse;
export const createDeadLetter: (init: DeadLetterInit) => DeadLetter = codec.create;
