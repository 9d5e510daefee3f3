import { capillaryConnectionOf, type CapillaryConnection } from '@tiersync/capillary-client';
import { validateEnvironment, type EnvSource } from '@tiersync/env-config';
import { kafkaConnectionOf, type KafkaConnectionOptions } from '@tiersync/kafka';
import { topicNames, topicSpecs, type TopicMap, type TopicRole, type TopicSpec } from '@tiersync/tier-events';
import { TierSyncEnvironment } from './tier-sync.environment';

export type ValidityKind = TierSyncEnvironment['SYNC_VALIDITY'];
export type DowngradePolicy = TierSyncEnvironment['SYNC_DOWNGRADE_POLICY'];
export type RenewalAction = TierSyncEnvironment['SYNC_RENEWAL_ACTION'];

/** docs/architecture.md, API fact 17. */
export interface ValidityPolicy {
  kind: ValidityKind;
  upto?: string;
  alignToPrimary: boolean;
  reassessOnNextActivity: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  inProcessAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  retryDelayMs: number;
  retryMaxDelayMs: number;
}

export interface SyncPolicy {
  downgradePolicy: DowngradePolicy;
  target: TierSyncEnvironment['SYNC_TARGET'];
  validity: ValidityPolicy;
  renewalAction: RenewalAction;
  reasonPrefix: string;
  dryRun: boolean;
  retry: RetryPolicy;
  echoShortcut: boolean;
  upgradeWithoutRead: boolean;
  journal: JournalPolicy;
}

/** docs/architecture.md, "Audit: sync-results". */
export interface JournalPolicy {
  leaseMs: number;
  windowMs: number;
  catchUpTimeoutMs: number;
}

export interface CapillaryConfig extends CapillaryConnection {
  groupLookup: TierSyncEnvironment['CAPILLARY_GROUP_LOOKUP'];
}

export interface TierSyncConfig {
  http: { host: string; port: number; shutdownDeadlineMs: number };
  logLevel: TierSyncEnvironment['LOG_LEVEL'];
  kafka: KafkaConnectionOptions & {
    consumerGroup: string;
    topics: TopicMap;
    topicSpecs: Readonly<Record<TopicRole, TopicSpec>>;
    sessionTimeoutMs: number;
    lagPollIntervalMs: number;
    readyGraceMs: number;
    maxInFlight: number;
    maxAttempts: number;
    requeueDelayMs: number;
  };
  capillary: CapillaryConfig;
  sync: SyncPolicy;
  router: {
    dedupeWindowMs: number;
    dedupeMaxEntries: number;
    groupCacheTtlMs: number;
    rolesCatchUpTimeoutMs: number;
    tierMapTtlMs: number;
  };
}

export type TierSyncVariables = Pick<TierSyncEnvironment, keyof TierSyncEnvironment>;

export const TIER_SYNC_CONFIG = Symbol('TierSyncConfig');

export function loadTierSyncConfig(raw: EnvSource): TierSyncConfig {
  return toTierSyncConfig(validateEnvironment(TierSyncEnvironment, raw));
}

export function toTierSyncConfig(env: TierSyncVariables): TierSyncConfig {
  const prefix = env.KAFKA_TOPIC_PREFIX;
  const capillary = capillaryConnectionOf(env);
  if (capillary === undefined) {
    throw new Error('unreachable: tier-sync validates CAPILLARY_BASE_URL as required');
  }
  return {
    http: {
      host: env.SYNC_HTTP_HOST,
      port: env.SYNC_HTTP_PORT,
      shutdownDeadlineMs: env.SYNC_SHUTDOWN_DEADLINE_MS,
    },
    logLevel: env.LOG_LEVEL,
    kafka: {
      ...kafkaConnectionOf(env),
      consumerGroup: env.KAFKA_CONSUMER_GROUP ?? `${prefix}tier-sync`,
      topics: topicNames(prefix),
      topicSpecs: topicSpecs(topicNames(prefix), {
        partitions: env.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: env.KAFKA_REPLICATION_FACTOR,
        maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
      }),
      sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
      lagPollIntervalMs: env.KAFKA_LAG_POLL_INTERVAL_MS,
      readyGraceMs: env.KAFKA_READY_GRACE_MS,
      maxInFlight: env.SYNC_MAX_IN_FLIGHT,
      maxAttempts: env.SYNC_CONSUMER_MAX_ATTEMPTS,
      requeueDelayMs: env.SYNC_REQUEUE_DELAY_MS,
    },
    capillary: { ...capillary, groupLookup: env.CAPILLARY_GROUP_LOOKUP },
    sync: {
      downgradePolicy: env.SYNC_DOWNGRADE_POLICY,
      target: env.SYNC_TARGET,
      validity: {
        kind: env.SYNC_VALIDITY,
        upto: env.SYNC_VALIDITY_UPTO,
        alignToPrimary: env.SYNC_ALIGN_EXPIRY,
        reassessOnNextActivity: env.SYNC_REASSESS_ON_NEXT_ACTIVITY,
      },
      renewalAction: env.SYNC_RENEWAL_ACTION,
      reasonPrefix: env.SYNC_REASON_PREFIX,
      dryRun: env.SYNC_DRY_RUN,
      retry: {
        maxAttempts: env.SYNC_MAX_ATTEMPTS,
        inProcessAttempts: env.SYNC_IN_PROCESS_ATTEMPTS,
        backoffBaseMs: env.SYNC_BACKOFF_BASE_MS,
        backoffMaxMs: env.SYNC_BACKOFF_MAX_MS,
        retryDelayMs: env.SYNC_RETRY_DELAY_MS,
        retryMaxDelayMs: env.SYNC_RETRY_MAX_DELAY_MS,
      },
      echoShortcut: env.SYNC_ECHO_SHORTCUT,
      upgradeWithoutRead: env.SYNC_UPGRADE_WITHOUT_READ,
      journal: {
        leaseMs: env.SYNC_JOURNAL_LEASE_MS,
        windowMs: env.SYNC_JOURNAL_WINDOW_MS,
        catchUpTimeoutMs: env.SYNC_JOURNAL_CATCH_UP_TIMEOUT_MS,
      },
    },
    router: {
      dedupeWindowMs: env.SYNC_DEDUPE_WINDOW_MS,
      dedupeMaxEntries: env.SYNC_DEDUPE_MAX_ENTRIES,
      groupCacheTtlMs: env.SYNC_GROUP_CACHE_TTL_MS,
      rolesCatchUpTimeoutMs: env.SYNC_ROLES_CATCH_UP_TIMEOUT_MS,
      tierMapTtlMs: env.SYNC_TIER_MAP_TTL_MS,
    },
  };
}
