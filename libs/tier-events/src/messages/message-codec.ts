import { parseMessage } from '../validation/parse-message';

/** The JSON-shaped data of a message class: what a producer fills in before the message is validated. */
export type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T]: Plain<T[K]> }
    : T;

/** Version of the internal message schemas; a breaking change gets a new topic (topics.ts). */
export const MESSAGE_SCHEMA_VERSION = 1;

/** What a producer supplies: everything but the schema version, which the codec stamps. */
export type MessageInit<T> = Omit<Plain<T>, 'schemaVersion'>;

export interface MessageCodec<T> {
  /** Validates a JSON-parsed Kafka value; throws InvalidEventError. */
  readonly parse: (raw: unknown) => T;
  /** Builds and validates a message, so that nothing invalid is ever produced. */
  readonly create: (init: MessageInit<T>) => T;
}

export function messageCodec<T extends { schemaVersion: typeof MESSAGE_SCHEMA_VERSION }>(
  cls: new () => T,
): MessageCodec<T> {
  const parse = (raw: unknown): T => parseMessage(cls, raw, cls.name);
  return { parse, create: (init) => parse({ ...init, schemaVersion: MESSAGE_SCHEMA_VERSION }) };
}
