import { type CapillaryClientOptions } from '@tiersync/capillary-client';
import { parseBrokers } from '@tiersync/kafka';
import { topicNames, type TopicMap } from '@tiersync/tier-events';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { UsageError } from '../cli/usage.error';
import { OpsEnvironment, type DowngradePolicy } from './ops-environment';

export type EnvSource = Readonly<Record<string, string | undefined>>;
export type EnvName = keyof OpsEnvironment;

export interface OpsConfig {
  kafka: {
    brokers: string[];
    clientId: string;
    topicPrefix: string;
    consumerGroup: string;
    replicationFactor: number;
    topics: TopicMap;
  };
  /** Undefined when CAPILLARY_BASE_URL is not set; only reconcile needs it (requireCapillary). */
  capillary: CapillaryClientOptions | undefined;
  downgradePolicy: DowngradePolicy;
}

const NAMES: readonly EnvName[] = [
  'KAFKA_BROKERS',
  'KAFKA_TOPIC_PREFIX',
  'KAFKA_CONSUMER_GROUP',
  'KAFKA_CLIENT_ID',
  'KAFKA_REPLICATION_FACTOR',
  'CAPILLARY_BASE_URL',
  'CAPILLARY_AUTH',
  'CAPILLARY_USERNAME',
  'CAPILLARY_PASSWORD',
  'CAPILLARY_OAUTH_KEY',
  'CAPILLARY_OAUTH_SECRET',
  'CAPILLARY_SOURCE',
  'CAPILLARY_RATE_LIMIT_PER_MINUTE',
  'CAPILLARY_MAX_CONCURRENCY',
  'CAPILLARY_TIMEOUT_MS',
  'SYNC_DOWNGRADE_POLICY',
];

/**
 * The one place the environment is read: flags (overrides) win over variables, empty values count as
 * unset, and the result is validated. Errors name the variable and rule, never a value (some are secrets).
 */
export function loadOpsConfig(env: EnvSource, overrides: Partial<Record<EnvName, string>> = {}): OpsConfig {
  const raw: Record<string, string> = {};
  for (const name of NAMES) {
    const value = overrides[name] ?? env[name];
    if (value !== undefined && value !== '') {
      raw[name] = value;
    }
  }
  const vars = plainToInstance(OpsEnvironment, raw);
  const errors = validateSync(vars);
  if (errors.length > 0) {
    throw new UsageError(`invalid configuration: ${errors.map(describe).join('; ')}`);
  }
  return {
    kafka: {
      brokers: parseBrokers(vars.KAFKA_BROKERS),
      clientId: vars.KAFKA_CLIENT_ID,
      topicPrefix: vars.KAFKA_TOPIC_PREFIX,
      consumerGroup: vars.KAFKA_CONSUMER_GROUP ?? `${vars.KAFKA_TOPIC_PREFIX}tier-sync`,
      replicationFactor: vars.KAFKA_REPLICATION_FACTOR,
      topics: topicNames(vars.KAFKA_TOPIC_PREFIX),
    },
    capillary: capillaryOptions(vars),
    downgradePolicy: vars.SYNC_DOWNGRADE_POLICY,
  };
}

/** For the commands that call Capillary. */
export function requireCapillary(config: OpsConfig): CapillaryClientOptions {
  if (!config.capillary) {
    throw new UsageError('this command calls Capillary: set CAPILLARY_BASE_URL (or --capillary-url)');
  }
  return config.capillary;
}

function capillaryOptions(vars: OpsEnvironment): CapillaryClientOptions | undefined {
  if (vars.CAPILLARY_BASE_URL === undefined) {
    return undefined;
  }
  // Validation guarantees the credentials of the chosen scheme are present.
  const auth =
    vars.CAPILLARY_AUTH === 'oauth'
      ? {
          kind: 'oauth' as const,
          key: vars.CAPILLARY_OAUTH_KEY ?? '',
          secret: vars.CAPILLARY_OAUTH_SECRET ?? '',
        }
      : {
          kind: 'basic' as const,
          username: vars.CAPILLARY_USERNAME ?? '',
          password: vars.CAPILLARY_PASSWORD ?? '',
        };
  return {
    baseUrl: vars.CAPILLARY_BASE_URL.replace(/\/+$/, ''),
    auth,
    source: vars.CAPILLARY_SOURCE,
    rateLimitPerMinute: vars.CAPILLARY_RATE_LIMIT_PER_MINUTE,
    maxConcurrency: vars.CAPILLARY_MAX_CONCURRENCY,
    timeoutMs: vars.CAPILLARY_TIMEOUT_MS,
  };
}

function describe(error: ValidationError): string {
  return `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`;
}
