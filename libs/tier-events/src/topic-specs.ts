import { type TopicMap, type TopicRole } from './topics';

/** A topic as it is created: what ensureTopics of libs/kafka takes. */
export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level configs; the broker's defaults apply to the rest. */
  readonly config: Readonly<Record<string, string>>;
}

/** What the specs depend on; every process that creates topics passes the same values. */
export interface TopicSettings {
  /** KAFKA_TOPIC_PARTITIONS */
  readonly partitions: number;
  /** KAFKA_REPLICATION_FACTOR */
  readonly replicationFactor: number;
  /** WEBHOOK_MAX_BODY_BYTES */
  readonly maxBodyBytes: number;
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
/** Room for Kafka's record framing and our headers on top of the body itself. */
const FRAMING_BYTES = 64 * 1024;

/**
 * Every topic tiersync creates, with its settings. A webhook record can carry the body twice (the value
 * plus the rawBody header), so its topics allow more than the broker's 1 MiB default rather than refusing
 * big bodies; rejected bodies are kept 30 days, as long as Capillary keeps its delivery logs.
 */
export function topicSpecs(
  topics: TopicMap,
  settings: TopicSettings,
): Readonly<Record<TopicRole, TopicSpec>> {
  const { partitions, replicationFactor } = settings;
  const webhook = {
    'max.message.bytes': String(2 * settings.maxBodyBytes + FRAMING_BYTES),
    // acks=all only protects a record when more than one replica must hold it; one replica may be down.
    'min.insync.replicas': String(Math.max(1, Math.min(2, replicationFactor - 1))),
  };
  const spec = (role: TopicRole, config: Record<string, string> = {}): TopicSpec => ({
    topic: topics[role],
    partitions,
    replicationFactor,
    config,
  });
  return {
    webhookEvents: spec('webhookEvents', webhook),
    webhookRejected: spec('webhookRejected', { ...webhook, 'retention.ms': String(THIRTY_DAYS_MS) }),
    groupCommands: spec('groupCommands'),
    groupCommandsRetry: spec('groupCommandsRetry'),
    deadLetters: spec('deadLetters'),
    syncResults: spec('syncResults'),
  };
}

/**
 * ops-cli's ledger of redriven dead letters: compacted and never deleted by age, since the record of a
 * redrive must outlive the DLQ record itself.
 */
export function redriveLedgerSpec(topic: string, replicationFactor: number): TopicSpec {
  return {
    topic,
    partitions: 1,
    replicationFactor,
    config: { 'cleanup.policy': 'compact', 'retention.ms': '-1' },
  };
}
