import { type MessageHeaders } from '../event-publisher';

export interface OutgoingRecord {
  readonly key: string;
  /** null writes a tombstone, which deletes the key from a compacted topic. */
  readonly value: unknown;
  readonly headers?: MessageHeaders;
}

/** A record still queued at its deadline is withdrawn, so a caller told "failed" is not written later. */
export interface RecordPublisher {
  readonly isConnected: boolean;
  connect(): Promise<void>;
  publish(topic: string, record: OutgoingRecord, deadlineMs?: number): Promise<void>;
  close(timeoutMs: number): Promise<boolean>;
}

export const RECORD_PUBLISHER = Symbol('RecordPublisher');

export function encodeValue(value: unknown): string | Buffer | null {
  return value === null || typeof value === 'string' || Buffer.isBuffer(value)
    ? value
    : JSON.stringify(value);
}
