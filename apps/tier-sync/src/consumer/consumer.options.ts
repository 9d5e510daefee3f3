import {
  type Kafka,
  type KeyedConsumer,
  type KeyedConsumerMetrics,
  type KeyedKafkaTransportOptions,
  type KeyedMessage,
} from '@tiersync/kafka';
import { type TierSyncConfig } from '../config/tier-sync.config';
import { type ConsumerFailureHandler } from './consumer-failure.handler';
import { CONSUMED_ROLES } from './sync.controller';
import { TopicRoleTransport } from './topic-role.transport';

const FETCH_MIN_BYTES = 16 * 1024;
const FETCH_WAIT_MS = 100;

/** All commands of one group, across main and retry topic, run one at a time (two syncs of a group must
 * never interleave reads and writes); webhook events are ordered per customer as the ingress keyed them. */
export function orderingKeyOf(
  topics: TierSyncConfig['kafka']['topics'],
): (message: KeyedMessage) => string | null {
  const groupTopics = new Set([topics.groupCommands, topics.groupCommandsRetry]);
  return (message) => {
    if (message.key === null) {
      return null;
    }
    return groupTopics.has(message.topic)
      ? `group:${message.key}`
      : `${message.topic}:${message.partition}:${message.key}`;
  };
}

export function createTransport(
  kafka: Kafka,
  config: TierSyncConfig,
  failures: ConsumerFailureHandler,
): TopicRoleTransport {
  const options: Omit<KeyedKafkaTransportOptions, 'topics'> = {
    kafka,
    groupId: config.kafka.consumerGroup,
    maxInFlight: config.kafka.maxInFlight,
    sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    // Under load a fetch waits for a few records (or FETCH_WAIT_MS) instead of one round trip per record: a
    // kafkajs fetch costs CPU here and at the broker, and the backlog, not the fetch, paces the work.
    maxWaitTimeMs: FETCH_WAIT_MS,
    consumerConfig: { minBytes: FETCH_MIN_BYTES },
    orderingKey: orderingKeyOf(config.kafka.topics),
    // No committed offsets: start at the oldest record, since the ingress may have accepted events before
    // tier-sync first joined and Kafka's default "latest" would skip them. Re-handling is safe: dedupe,
    // and the target is the primary's current tier.
    fromBeginning: true,
    onError: failures.onError,
    onDeadLetter: failures.onDeadLetter,
    // Escaped failures are infrastructure (a publish that failed, Capillary down while routing): by
    // default keep retrying for about an hour, holding the key so order is kept, before giving up.
    retry: { maxAttempts: config.kafka.maxAttempts, initialBackoffMs: 500, maxBackoffMs: 30_000 },
    shutdownDeadlineMs: config.http.shutdownDeadlineMs,
  };
  return new TopicRoleTransport(options, config.kafka.topics, CONSUMED_ROLES);
}

export function consumerMetricsOf(transport: TopicRoleTransport): KeyedConsumerMetrics | undefined {
  try {
    return transport.unwrap<KeyedConsumer>().metrics();
  } catch {
    return undefined;
  }
}
