import { type MessageHeaders } from '../event-publisher';

/** One Kafka record; a value that is neither a string nor a Buffer is written as JSON. */
export interface OutgoingRecord {
  readonly key: string;
  readonly value: unknown;
  readonly headers?: MessageHeaders;
}

/**
 * The one way apps write records. publish() resolves only once Kafka acknowledged the record (acks=all)
 * and otherwise rejects with KafkaUnavailableError or RecordTooLargeError; a record still queued at its
 * deadline is withdrawn and never sent.
 */
export interface RecordPublisher {
  readonly isConnected: boolean;
  connect(): Promise<void>;
  publish(topic: string, record: OutgoingRecord, deadlineMs?: number): Promise<void>;
  /** Refuses new records, waits up to timeoutMs for the queued and in-flight ones, then disconnects. */
  close(timeoutMs: number): Promise<boolean>;
}

/** Nest injection token of the process's RecordPublisher. */
export const RECORD_PUBLISHER = Symbol('RecordPublisher');

/** What goes on the wire for a value: strings and Buffers as they are, anything else as JSON. */
export function encodeValue(value: unknown): string | Buffer {
  return typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value);
}
