import { capillaryConnectionOf, type CapillaryConnection } from '@tiersync/capillary-client';
import { validateEnvironment, type EnvSource } from '@tiersync/env-config';
import { kafkaConnectionOf, type KafkaConnectionOptions } from '@tiersync/kafka';
import { topicNames, type TopicMap } from '@tiersync/tier-events';
import { UsageError } from '../cli/usage.error';
import { OpsEnvironment, type DowngradePolicy } from './ops.environment';

export { type EnvSource } from '@tiersync/env-config';
export type EnvName = keyof OpsEnvironment;

export interface OpsConfig {
  kafka: KafkaConnectionOptions & {
    topicPrefix: string;
    consumerGroup: string;
    replicationFactor: number;
    topics: TopicMap;
  };
  /** Undefined when CAPILLARY_BASE_URL is not set: only reconcile needs it. */
  capillary: CapillaryConnection | undefined;
  downgradePolicy: DowngradePolicy;
}

export function loadOpsConfig(env: EnvSource, overrides: Partial<Record<EnvName, string>> = {}): OpsConfig {
  const raw: Record<string, unknown> = { ...env };
  for (const name of Object.keys(overrides) as EnvName[]) {
    if (overrides[name] !== undefined) {
      raw[name] = overrides[name];
    }
  }
  const vars = validateEnvironment(OpsEnvironment, raw);
  // Undefined when unset (doctor); requireKafka stops every command that would connect with no broker.
  const brokers = (vars.KAFKA_BROKERS as string[] | undefined) ?? [];
  return {
    kafka: {
      ...kafkaConnectionOf(vars),
      brokers,
      topicPrefix: vars.KAFKA_TOPIC_PREFIX,
      consumerGroup: vars.KAFKA_CONSUMER_GROUP ?? `${vars.KAFKA_TOPIC_PREFIX}tier-sync`,
      replicationFactor: vars.KAFKA_REPLICATION_FACTOR,
      topics: topicNames(vars.KAFKA_TOPIC_PREFIX),
    },
    capillary: capillaryConnectionOf(vars),
    downgradePolicy: vars.SYNC_DOWNGRADE_POLICY,
  };
}

export function requireKafka(config: OpsConfig): OpsConfig['kafka'] {
  if (config.kafka.brokers.length === 0) {
    throw new UsageError('this command reads or writes Kafka: set KAFKA_BROKERS (or --brokers)');
  }
  return config.kafka;
}

export function requireCapillary(config: OpsConfig): CapillaryConnection {
  if (!config.capillary) {
    throw new UsageError('this command calls Capillary: set CAPILLARY_BASE_URL (or --capillary-url)');
  }
  return config.capillary;
}
