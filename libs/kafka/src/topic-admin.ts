import { type Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  /** Topic-level configs, e.g. retention.ms. */
  config?: Record<string, string>;
}

/**
 * Creates the topics that are missing and leaves existing ones alone, so every app can call it at
 * start-up. Returns the names it created.
 */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length === 0) {
      return [];
    }
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
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}
