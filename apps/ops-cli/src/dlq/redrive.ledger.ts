import { ensureTopics, type EventPublisher } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { readTopicSnapshot, topicExists } from '../kafka/topic-snapshot.reader';
import { parseRedriveRecord, type RedriveRecord } from './redrive.record';

export const REDRIVES_SUFFIX = 'dlq-redrives.v1';

/** A compacted topic keyed by deadLetterId needs no database and makes a second redrive a no-op. */
export class RedriveLedger {
  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
    private readonly replicationFactor = 1,
  ) {}

  /** Compacted and never deleted by age: the record of a redrive must outlive the DLQ record itself. */
  async ensure(): Promise<void> {
    await ensureTopics(this.kafka, [
      {
        topic: this.topic,
        partitions: 1,
        replicationFactor: this.replicationFactor,
        config: { 'cleanup.policy': 'compact', 'retention.ms': '-1' },
      },
    ]);
  }

  async read(groupPrefix: string): Promise<Map<string, RedriveRecord>> {
    const records = new Map<string, RedriveRecord>();
    if (!(await topicExists(this.kafka, this.topic))) {
      return records;
    }
    await readTopicSnapshot(this.kafka, this.topic, { groupPrefix }, (record) => {
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
