import { withCapillaryEnvironment } from '@tiersync/capillary-client';
import { BoolVar, IntVar, LogLevelVar, type LogLevelName } from '@tiersync/env-config';
import { KafkaEnvironment } from '@tiersync/kafka';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, Validate } from 'class-validator';
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

export class TierSyncEnvironment extends withCapillaryEnvironment(KafkaEnvironment) {
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_CONSUMER_GROUP?: string;
  override KAFKA_CLIENT_ID = 'tier-sync';
  @IntVar(1, 10_000) KAFKA_TOPIC_PARTITIONS = 6;
  @IntVar(6_000, 300_000) KAFKA_SESSION_TIMEOUT_MS = 30_000;
  /** The ingress's limit: the webhook topics tier-sync may create must take the records the ingress writes. */
  @IntVar(1024, 16 * 1024 * 1024) WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
  @IntVar(1_000, 300_000) KAFKA_LAG_POLL_INTERVAL_MS = 5_000;
  @IntVar(1_000, 600_000) KAFKA_READY_GRACE_MS = 15_000;

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
  @BoolVar() SYNC_UPGRADE_WITHOUT_READ = true;
  @IntVar(1, 100_000) SYNC_MAX_IN_FLIGHT = 200;
  @IntVar(1, 100_000) SYNC_CONSUMER_MAX_ATTEMPTS = 120;
  @IntVar(0, 86_400_000) SYNC_REQUEUE_DELAY_MS = 60_000;
  @IntVar(1_000, 3_600_000) SYNC_JOURNAL_LEASE_MS = 30_000;
  @IntVar(60_000, 7 * 86_400_000) SYNC_JOURNAL_WINDOW_MS = 3_600_000;
  @IntVar(100, 600_000) SYNC_JOURNAL_CATCH_UP_TIMEOUT_MS = 5_000;

  @IntVar(0, 7 * 86_400_000) SYNC_DEDUPE_WINDOW_MS = 3_600_000;
  @IntVar(1, 100_000_000) SYNC_DEDUPE_MAX_ENTRIES = 1_000_000;
  @IntVar(0, 86_400_000) SYNC_GROUP_CACHE_TTL_MS = 600_000;
  @IntVar(0, 60_000) SYNC_ROLES_CATCH_UP_TIMEOUT_MS = 2_000;
  @IntVar(0, 86_400_000) SYNC_TIER_MAP_TTL_MS = 3_600_000;

  @IsString() @IsNotEmpty() SYNC_HTTP_HOST = '0.0.0.0';
  @IntVar(0, 65_535) SYNC_HTTP_PORT = 3001;
  @IntVar(0, 600_000) SYNC_SHUTDOWN_DEADLINE_MS = 10_000;
  @LogLevelVar() LOG_LEVEL: LogLevelName = 'log';
}
