import { type KafkaMessage } from 'kafkajs';

/** Header carrying the earliest time (epoch ms) a message may be handled; later messages of its key wait. */
export const NOT_BEFORE_HEADER = 'notBefore';

/** What a handler receives: one Kafka record, its coordinates and a cancellation signal. */
export interface KeyedMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offset, as kafkajs gives it (a decimal string). */
  readonly offset: string;
  readonly key: string | null;
  /** Header values decoded as UTF-8; for repeated headers the last value wins. */
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Buffer | null;
  /** Producer or log-append timestamp, epoch ms as a string. */
  readonly timestamp: string;
  /** Earliest handling time from the notBefore header, epoch ms; 0 when absent or unreadable. */
  readonly notBefore: number;
  /**
   * Aborted when this consumer gives the message up (its partition was revoked, or stop() passed its
   * deadline): pass it to HTTP calls so abandoned work ends early. Its outcome is ignored either way.
   */
  readonly signal: AbortSignal;
  /** The value parsed as JSON (parsed once); throws SyntaxError for a value that is not JSON. */
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
