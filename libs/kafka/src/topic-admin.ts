import { type Admin, type Kafka } from 'kafkajs';
import { withAdmin } from './admin/with-admin';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  readonly config?: Readonly<Record<string, string>>;
}

/** Every process creates topics from one table of specs, so whoever comes first creates them alike. */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  return withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.partitions,
          // kafkajs speaks CreateTopics v3, which has no "broker default" (-1), so the caller names it.
          replicationFactor: s.replicationFactor ?? 1,
          configEntries: Object.entries(s.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
      await leadersElected(
        admin,
        missing.map((s) => s.topic),
      );
    }
    return missing.map((s) => s.topic);
  });
}

const LEADER_WAIT_MS = 30_000;

/** kafkajs's waitForLeaders gives up on a KRaft broker's brief UNKNOWN_TOPIC_OR_PARTITION answer, and a
 * leader named in the metadata may still answer NOT_LEADER_OR_FOLLOWER to ListOffsets for a moment. */
async function leadersElected(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) {
        await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no leader elected within ${LEADER_WAIT_MS} ms for ${topics.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
