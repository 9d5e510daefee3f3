import { type LogLevel } from '@nestjs/common';
import { parseBrokers } from '@tiersync/kafka';
import { topicNames, type TopicMap } from '@tiersync/tier-events';
import { type EnvironmentVariables, type LogLevelName } from './environment-variables';
import { validateEnvironment } from './environment.validation';

/** The validated, typed configuration the whole app is built from (the only reader of the environment). */
export interface IngressConfig {
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly webhookPath: string;
    readonly maxBodyBytes: number;
    readonly shutdownTimeoutMs: number;
  };
  readonly auth: {
    /** Lower-case, as Node presents incoming header names. */
    readonly headerName: string;
    /** Undefined only in demo mode: then every request is accepted. */
    readonly secret: string | undefined;
  };
  readonly kafka: {
    readonly brokers: readonly string[];
    readonly clientId: string;
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

/** Injection token of the IngressConfig. */
export const INGRESS_CONFIG = Symbol('IngressConfig');

const LEVELS_FROM: Record<LogLevelName, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export function toIngressConfig(env: EnvironmentVariables): IngressConfig {
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
      brokers: parseBrokers(env.KAFKA_BROKERS),
      clientId: env.KAFKA_CLIENT_ID,
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
    logLevels: LEVELS_FROM[env.LOG_LEVEL],
    demoMode: env.DEMO_MODE,
  };
}

/**
 * Validates environment variables (process.env in main.ts, a literal in tests and the launcher) into the
 * typed config; throws ConfigValidationError listing every problem.
 */
export function loadIngressConfig(env: Readonly<Record<string, string | undefined>>): IngressConfig {
  return toIngressConfig(validateEnvironment(env));
}
