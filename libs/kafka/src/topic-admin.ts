import { type Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  /** Topic-level configs, e.g. retention.ms. */
  readonly config?: Readonly<Record<string, string>>;
}

/**
 * Creates the topics that are missing, so every process can call it at start-up, and returns the names it
 * created. An existing topic is left as it is: every process creates topics from the one table of specs
 * (topicSpecs of libs/tier-events), so whoever comes first creates them alike.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.partitions,
          // kafkajs speaks CreateTopics v3, which has no "broker default" (-1), so the caller names it.
          replicationFactor: s.replicationFactor ?? 1,
          configEntries: Object.entries(s.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}
