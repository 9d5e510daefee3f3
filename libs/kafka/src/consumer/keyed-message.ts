import { type KafkaMessage } from 'kafkajs';

/** Epoch ms before which a message is not handled; later messages of its key wait behind it. */
export const NOT_BEFORE_HEADER = 'notBefore';

export interface KeyedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Buffer | null;
  readonly timestamp: string;
  readonly notBefore: number;
  /** Aborted when the message is given up (revoked, stop() deadline): pass it to HTTP calls to end early. */
  readonly signal: AbortSignal;
  json(): unknown;
}

export function toKeyedMessage(
  topic: string,
  partition: number,
  message: KafkaMessage,
  signal: AbortSignal,
): KeyedMessage {
  const headers = decodeHeaders(message.headers);
  const value = message.value;
  let parsed: { value: unknown } | undefined;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    headers,
    value,
    timestamp: message.timestamp,
    notBefore: parseNotBefore(headers[NOT_BEFORE_HEADER]),
    signal,
    json() {
      parsed ??= { value: JSON.parse(value ? value.toString('utf8') : 'null') as unknown };
      return parsed.value;
    },
  };
}

export function decodeHeaders(headers: KafkaMessage['headers']): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (last !== undefined) {
      decoded[name] = typeof last === 'string' ? last : last.toString('utf8');
    }
  }
  return decoded;
}

function parseNotBefore(raw: string | undefined): number {
  const value = raw === undefined ? NaN : Number(raw);
  // An unreadable header must not park a key forever, so it means "no delay".
  return Number.isFinite(value) && value > 0 ? value : 0;
}
