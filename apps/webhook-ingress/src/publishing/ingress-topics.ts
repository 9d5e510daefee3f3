import { type TopicSpec } from '@tiersync/kafka';
import { type IngressConfig } from '../config/ingress.config';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
/** Room for Kafka's record framing and our headers on top of the body itself. */
const FRAMING_BYTES = 64 * 1024;

/**
 * The topics the ingress writes. A record can carry the body twice (the value plus the rawBody header), so
 * the topic limit is raised above the broker's 1 MiB default rather than refusing big bodies.
 * Rejected bodies are kept 30 days, as long as Capillary keeps its delivery logs, for a human to look at.
 */
export function ingressTopicSpecs(config: IngressConfig): TopicSpec[] {
  const { topics, partitions, replicationFactor } = config.kafka;
  const shared = {
    'max.message.bytes': String(2 * config.http.maxBodyBytes + FRAMING_BYTES),
    // acks=all only protects a record when more than one replica must hold it; one replica may be down.
    'min.insync.replicas': String(Math.max(1, Math.min(2, replicationFactor - 1))),
  };
  return [
    { topic: topics.webhookEvents, partitions, replicationFactor, config: shared },
    {
      topic: topics.webhookRejected,
      partitions,
      replicationFactor,
      config: { ...shared, 'retention.ms': String(THIRTY_DAYS_MS) },
    },
  ];
}
