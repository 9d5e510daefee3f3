import { CAPILLARY_SOURCES } from '@tiersync/capillary-client';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Validate,
  ValidateIf,
} from 'class-validator';
import { BoolVar, IntVar } from './env-decorators';
import { ValidityUptoConstraint } from './validity-upto.constraint';

export const VALIDITIES = [
  'AS_PER_TIER_STRATEGY',
  'FIXED_DURATION',
  'SPECIFIC_DATE',
  'CURRENT_TIER_EXPIRY_DATE',
] as const;
export const DOWNGRADE_POLICIES = ['mirror', 'upgrade-only'] as const;
export const SYNC_TARGETS = ['current', 'event'] as const;
export const RENEWAL_ACTIONS = ['RENEWAL', 'EXTEND_CURRENT_TIER_EXPIRY_DATE'] as const;
export const GROUP_LOOKUPS = ['auto', 'primaryUserId', 'search'] as const;
/** The ingress's names; `info` and `log` (Nest's name for it) mean the same, so one LOG_LEVEL fits both apps. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'log', 'debug', 'verbose'] as const;

const needsBasic = (env: EnvironmentVariables) => env.CAPILLARY_AUTH === 'basic';
const needsOauth = (env: EnvironmentVariables) => env.CAPILLARY_AUTH === 'oauth';

/**
 * Every setting of apps/tier-sync, validated at boot (the names every process shares, listed in
 * docs/configuration.md, plus the app's own). Defaults live here and nowhere else; README.md documents
 * each variable.
 */
export class EnvironmentVariables {
  @IsString() @IsNotEmpty() KAFKA_BROKERS!: string;
  @IsString() @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX = 'tiersync.';
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_CONSUMER_GROUP?: string;
  @IsString() @IsNotEmpty() KAFKA_CLIENT_ID = 'tier-sync';
  @IntVar(1, 10_000) KAFKA_TOPIC_PARTITIONS = 6;
  @IntVar(1, 16) KAFKA_REPLICATION_FACTOR = 1;
  /** How long the group waits for a silent (crashed) member before giving its partitions to others. */
  @IntVar(6_000, 300_000) KAFKA_SESSION_TIMEOUT_MS = 30_000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) CAPILLARY_BASE_URL!: string;
  @IsIn(['basic', 'oauth']) CAPILLARY_AUTH: 'basic' | 'oauth' = 'basic';
  @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_USERNAME?: string;
  @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_PASSWORD?: string;
  @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_KEY?: string;
  @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_SECRET?: string;
  @IsIn(CAPILLARY_SOURCES) CAPILLARY_SOURCE: (typeof CAPILLARY_SOURCES)[number] = 'INSTORE';
  /** 0 = no client-side limit. */
  @IntVar(0, 1_000_000) CAPILLARY_RATE_LIMIT_PER_MINUTE = 0;
  @IntVar(1, 1_000) CAPILLARY_MAX_CONCURRENCY = 10;
  @IntVar(1, 600_000) CAPILLARY_TIMEOUT_MS = 10_000;
  @IsIn(GROUP_LOOKUPS) CAPILLARY_GROUP_LOOKUP: (typeof GROUP_LOOKUPS)[number] = 'auto';

  @IsIn(DOWNGRADE_POLICIES) SYNC_DOWNGRADE_POLICY: (typeof DOWNGRADE_POLICIES)[number] = 'mirror';
  @IsIn(VALIDITIES) SYNC_VALIDITY: (typeof VALIDITIES)[number] = 'AS_PER_TIER_STRATEGY';
  @Validate(ValidityUptoConstraint) SYNC_VALIDITY_UPTO?: string;
  @BoolVar() SYNC_ALIGN_EXPIRY = false;
  @BoolVar() SYNC_REASSESS_ON_NEXT_ACTIVITY = false;
  @IsIn(RENEWAL_ACTIONS) SYNC_RENEWAL_ACTION: (typeof RENEWAL_ACTIONS)[number] = 'RENEWAL';
  @IsString() @Matches(/^[^\n]{0,60}$/) SYNC_REASON_PREFIX = 'tiersync';
  @IsIn(SYNC_TARGETS) SYNC_TARGET: (typeof SYNC_TARGETS)[number] = 'current';
  @IntVar(1, 100) SYNC_MAX_ATTEMPTS = 5;
  @BoolVar() SYNC_DRY_RUN = false;
  @IntVar(1, 20) SYNC_IN_PROCESS_ATTEMPTS = 3;
  @IntVar(0, 60_000) SYNC_BACKOFF_BASE_MS = 200;
  @IntVar(0, 600_000) SYNC_BACKOFF_MAX_MS = 5_000;
  @IntVar(0, 86_400_000) SYNC_RETRY_DELAY_MS = 30_000;
  @IntVar(0, 86_400_000) SYNC_RETRY_MAX_DELAY_MS = 900_000;
  @BoolVar() SYNC_ECHO_SHORTCUT = true;
  @IntVar(1, 100_000) SYNC_MAX_IN_FLIGHT = 200;
  @IntVar(1, 100_000) SYNC_CONSUMER_MAX_ATTEMPTS = 120;
  @IntVar(0, 86_400_000) SYNC_REQUEUE_DELAY_MS = 60_000;

  @IntVar(0, 7 * 86_400_000) SYNC_DEDUPE_WINDOW_MS = 3_600_000;
  @IntVar(1, 100_000_000) SYNC_DEDUPE_MAX_ENTRIES = 1_000_000;
  @IntVar(0, 86_400_000) SYNC_GROUP_CACHE_TTL_MS = 600_000;
  @IntVar(0, 86_400_000) SYNC_TIER_MAP_TTL_MS = 3_600_000;

  @IsString() @IsNotEmpty() SYNC_HTTP_HOST = '0.0.0.0';
  @IntVar(0, 65_535) SYNC_HTTP_PORT = 3001;
  @IntVar(0, 600_000) SYNC_SHUTDOWN_DEADLINE_MS = 10_000;
  @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'log';
}
