import { type MessageHeaders } from '@tiersync/kafka';

/** One Kafka record as the ingress writes it. */
export interface OutgoingRecord {
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers: MessageHeaders;
}

/**
 * Where records go: Kafka in production (KafkaRecordSink). The interface exists so the benchmark can measure
 * the same server without Kafka; publishBatch must resolve only once every record is acknowledged.
 */
export interface RecordSink {
  readonly isConnected: boolean;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  publishBatch(topic: string, records: OutgoingRecord[]): Promise<unknown>;
}

export const RECORD_SINK = Symbol('RecordSink');

/** Bytes a record puts on the wire before framing: what batch and queue limits count. */
export function recordBytes(record: OutgoingRecord): number {
  let bytes = Buffer.byteLength(record.key) + Buffer.byteLength(record.value);
  for (const [name, value] of Object.entries(record.headers)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  return bytes;
}
