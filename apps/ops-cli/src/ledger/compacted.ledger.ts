import { ensureTopics, readTopicToEnd, topicExists, type EventPublisher, type Kafka } from '@tiersync/kafka';
import { redriveLedgerSpec } from '@tiersync/tier-events';

/** A compacted topic keyed by what was redriven needs no database and makes a second redrive a no-op. */
export class CompactedLedger<T> {
  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
    private readonly replicationFactor: number,
    private readonly keyOf: (entry: T) => string,
    private readonly parse: (raw: unknown) => T,
  ) {}

  async ensure(): Promise<void> {
    await ensureTopics(this.kafka, [redriveLedgerSpec(this.topic, this.replicationFactor)]);
  }

  async read(groupPrefix: string): Promise<Map<string, T>> {
    const records = new Map<string, T>();
    if (!(await topicExists(this.kafka, this.topic))) {
      return records;
    }
    await readTopicToEnd(this.kafka, this.topic, { groupPrefix }, (record) => {
      if (record.value !== null) {
        const entry = this.parse(JSON.parse(record.value.toString('utf8')));
        records.set(this.keyOf(entry), entry);
      }
    });
    return records;
  }

  async record(publisher: EventPublisher, entries: readonly T[]): Promise<void> {
    if (entries.length > 0) {
      await publisher.publishBatch(
        this.topic,
        entries.map((entry) => ({ key: this.keyOf(entry), value: entry })),
      );
    }
  }
}
