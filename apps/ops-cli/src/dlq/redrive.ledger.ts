import { ensureTopics, readTopicToEnd, topicExists, type EventPublisher, type Kafka } from '@tiersync/kafka';
import { redriveLedgerSpec } from '@tiersync/tier-events';
import { parseRedriveRecord, type RedriveRecord } from './redrive.record';

export const REDRIVES_SUFFIX = 'dlq-redrives.v1';

/** A compacted topic keyed by deadLetterId needs no database and makes a second redrive a no-op. */
export class RedriveLedger {
  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
    private readonly replicationFactor = 1,
  ) {}

  async ensure(): Promise<void> {
    await ensureTopics(this.kafka, [redriveLedgerSpec(this.topic, this.replicationFactor)]);
  }

  async read(groupPrefix: string): Promise<Map<string, RedriveRecord>> {
    const records = new Map<string, RedriveRecord>();
    if (!(await topicExists(this.kafka, this.topic))) {
      return records;
    }
    await readTopicToEnd(this.kafka, this.topic, { groupPrefix }, (record) => {
      if (record.value !== null) {
        const entry = parseRedriveRecord(JSON.parse(record.value.toString('utf8')));
        records.set(entry.deadLetterId, entry);
      }
    });
    return records;
  }

  async record(publisher: EventPublisher, entries: readonly RedriveRecord[]): Promise<void> {
    if (entries.length > 0) {
      await publisher.publishBatch(
        this.topic,
        entries.map((entry) => ({ key: entry.deadLetterId, value: entry })),
      );
    }
  }
}
