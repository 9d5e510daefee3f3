import { CAPILLARY_SOURCES } from '@tiersync/capillary-client';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { IntegerVar } from './env-var.decorators';

export const DOWNGRADE_POLICIES = ['mirror', 'upgrade-only'] as const;
export type DowngradePolicy = (typeof DOWNGRADE_POLICIES)[number];

const capillaryConfigured = (env: OpsEnvironment) => env.CAPILLARY_BASE_URL !== undefined;
const needsBasic = (env: OpsEnvironment) => capillaryConfigured(env) && env.CAPILLARY_AUTH === 'basic';
const needsOauth = (env: OpsEnvironment) => capillaryConfigured(env) && env.CAPILLARY_AUTH === 'oauth';

/**
 * The CLI's settings: the names every process shares (docs/configuration.md), with the same defaults as
 * apps/tier-sync so that the CLI addresses the same topics and consumer group. Capillary settings are
 * optional here because only `reconcile` calls Capillary.
 */
export class OpsEnvironment {
  @IsString() @IsNotEmpty() KAFKA_BROKERS!: string;
  @IsString() @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX = 'tiersync.';
  /** Default `<prefix>tier-sync`, as in apps/tier-sync. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_CONSUMER_GROUP?: string;
  @IsString() @IsNotEmpty() KAFKA_CLIENT_ID = 'tiersync-ops-cli';
  /** For the one topic the CLI creates (the redrive ledger); same default as apps/tier-sync. */
  @IntegerVar(1, 16) KAFKA_REPLICATION_FACTOR = 1;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) CAPILLARY_BASE_URL?: string;
  @IsIn(['basic', 'oauth']) CAPILLARY_AUTH: 'basic' | 'oauth' = 'basic';
  @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_USERNAME?: string;
  @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_PASSWORD?: string;
  @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_KEY?: string;
  @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_SECRET?: string;
  @IsIn(CAPILLARY_SOURCES) CAPILLARY_SOURCE: (typeof CAPILLARY_SOURCES)[number] = 'INSTORE';
  /** 0 = no limit, as in apps/tier-sync. */
  @IntegerVar(0, 1_000_000) CAPILLARY_RATE_LIMIT_PER_MINUTE = 0;
  @IntegerVar(1, 1_000) CAPILLARY_MAX_CONCURRENCY = 10;
  @IntegerVar(1, 600_000) CAPILLARY_TIMEOUT_MS = 10_000;

  @IsIn(DOWNGRADE_POLICIES) SYNC_DOWNGRADE_POLICY: DowngradePolicy = 'mirror';
}
