import { type TopicMap, type TopicRole } from './topics';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config: Readonly<Record<string, string>>;
}

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly maxBodyBytes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const THIRTY_DAYS_MS = 30 * DAY_MS;
/** Room for Kafka's record framing and our headers on top of the body itself. */
const FRAMING_BYTES = 64 * 1024;

/**
 * Every topic gets the same partition count, so customer-roles is co-partitioned with webhook-events.
 * A body may ride twice (value + rawBody); rejected ones are kept 30 days, like Capillary's delivery logs.
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
    // Read only by a re-run of a command, which comes within the consumer's redelivery, never days later.
    syncJournal: spec('syncJournal', { 'retention.ms': String(7 * DAY_MS) }),
    // A table, not a log: compaction keeps the latest role of each customer, whatever its age.
    customerRoles: spec('customerRoles', { 'cleanup.policy': 'compact' }),
  };
}

/** Compacted, never deleted by age: the record of a redrive must outlive the DLQ record itself. */
export function redriveLedgerSpec(topic: string, replicationFactor: number): TopicSpec {
  return {
    topic,
    partitions: 1,
    replicationFactor,
    config: { 'cleanup.policy': 'compact', 'retention.ms': '-1' },
  };
}
