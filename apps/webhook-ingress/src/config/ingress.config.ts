import { type LogLevel } from '@nestjs/common';
import { nestLogLevels, validateEnvironment, type EnvSource } from '@tiersync/env-config';
import { kafkaConnectionOf, type KafkaConnectionOptions } from '@tiersync/kafka';
import { topicNames, type TopicMap } from '@tiersync/tier-events';
import { IngressEnvironment } from './ingress.environment';

export interface IngressConfig {
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly webhookPath: string;
    readonly maxBodyBytes: number;
    readonly shutdownTimeoutMs: number;
  };
  readonly auth: {
    readonly headerName: string;
    readonly secret: string | undefined;
  };
  readonly kafka: Readonly<KafkaConnectionOptions> & {
    readonly topics: TopicMap;
    readonly partitions: number;
    readonly replicationFactor: number;
  };
  readonly publishing: {
    readonly deadlineMs: number;
    readonly lingerMs: number;
    readonly maxBatchRecords: number;
    readonly retryAfterSeconds: number;
  };
  readonly logLevels: readonly LogLevel[];
  readonly demoMode: boolean;
}

export const INGRESS_CONFIG = Symbol('IngressConfig');

export function toIngressConfig(env: IngressEnvironment): IngressConfig {
  return {
    http: {
      host: env.INGRESS_HOST,
      port: env.INGRESS_PORT,
      webhookPath: env.WEBHOOK_PATH,
      maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    auth: { headerName: env.WEBHOOK_AUTH_HEADER.toLowerCase(), secret: env.WEBHOOK_SECRET },
    kafka: {
      ...kafkaConnectionOf(env),
      topics: topicNames(env.KAFKA_TOPIC_PREFIX),
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    },
    publishing: {
      deadlineMs: env.PUBLISH_DEADLINE_MS,
      lingerMs: env.PUBLISH_LINGER_MS,
      maxBatchRecords: env.PUBLISH_BATCH_MAX_RECORDS,
      retryAfterSeconds: env.RETRY_AFTER_SECONDS,
    },
    logLevels: nestLogLevels(env.LOG_LEVEL),
    demoMode: env.DEMO_MODE,
  };
}

export function loadIngressConfig(raw: EnvSource): IngressConfig {
  return toIngressConfig(validateEnvironment(IngressEnvironment, raw));
}
