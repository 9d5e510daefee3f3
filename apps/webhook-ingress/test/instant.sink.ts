import { type OutgoingRecord, type RecordSink } from '../src/publishing/record-sink';

/**
 * A RecordSink without Kafka that acknowledges every batch at once. For unit tests and the benchmark's
 * no-durability baseline only: production always gets KafkaRecordSink (no variable selects this one).
 */
export class InstantSink implements RecordSink {
  readonly batches: { topic: string; records: OutgoingRecord[] }[] = [];
  isConnected = false;

  constructor(private readonly keepRecords = true) {}

  connect(): Promise<void> {
    this.isConnected = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.isConnected = false;
    return Promise.resolve();
  }

  publishBatch(topic: string, records: OutgoingRecord[]): Promise<unknown> {
    if (this.keepRecords) {
      this.batches.push({ topic, records });
    }
    return Promise.resolve();
  }
}
