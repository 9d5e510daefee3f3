import { parseMessage } from '../validation/parse-message';

export type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T]: Plain<T[K]> }
    : T;

/** Version of the internal message schemas; a breaking change gets a new topic (topics.ts). */
export const MESSAGE_SCHEMA_VERSION = 1;

export type MessageInit<T> = Omit<Plain<T>, 'schemaVersion'>;

export interface MessageCodec<T> {
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
