import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  /** Topic-level configs, e.g. retention.ms. */
  config?: Record<string, string>;
}

/** DescribeConfigs' source of a value set on the topic itself (kafkajs exports the enum as a type only). */
const TOPIC_CONFIG_SOURCE = 1;

/**
 * Creates the topics that are missing, so every app can call it at start-up, and returns the names it
 * created. Several apps create the same topics and only one of them knows some settings (the ingress
 * knows how large a webhook may be), so whoever comes first may create a topic without them: an existing
 * topic therefore gets each config of the spec that it has no topic-level value for. A value already set
 * on the topic (by an operator, or by an earlier start) is left alone.
 */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
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
    await addMissingConfigs(
      admin,
      specs.filter((s) => existing.has(s.topic) && Object.keys(s.config ?? {}).length > 0),
    );
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}

async function addMissingConfigs(admin: Admin, specs: TopicSpec[]): Promise<void> {
  if (specs.length === 0) {
    return;
  }
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: specs.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.topic })),
  });
  const changes = specs.flatMap((spec) => {
    const entries = resources.find((r) => r.resourceName === spec.topic)?.configEntries ?? [];
    // AlterConfigs replaces the topic's whole set of overrides, so the ones it has are sent along.
    const own = new Map(
      entries
        .filter((e) => (e.configSource as number) === TOPIC_CONFIG_SOURCE)
        .map((e) => [e.configName, e.configValue] as const),
    );
    const added = Object.entries(spec.config ?? {}).filter(([name]) => !own.has(name));
    if (added.length === 0) {
      return [];
    }
    const configEntries = [...own, ...added].map(([name, value]) => ({ name, value }));
    return [{ type: ConfigResourceTypes.TOPIC, name: spec.topic, configEntries }];
  });
  if (changes.length > 0) {
    await admin.alterConfigs({ validateOnly: false, resources: changes });
  }
}
