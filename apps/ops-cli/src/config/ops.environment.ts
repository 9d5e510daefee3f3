import { withCapillaryEnvironment } from '@tiersync/capillary-client';
import { KafkaEnvironment } from '@tiersync/kafka';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const DOWNGRADE_POLICIES = ['mirror', 'upgrade-only'] as const;
export type DowngradePolicy = (typeof DOWNGRADE_POLICIES)[number];

/** Same defaults as apps/tier-sync, so the CLI addresses the same topics and consumer group. */
export class OpsEnvironment extends withCapillaryEnvironment(KafkaEnvironment, { optional: true }) {
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_CONSUMER_GROUP?: string;
  override KAFKA_CLIENT_ID = 'tiersync-ops-cli';

  @IsIn(DOWNGRADE_POLICIES) SYNC_DOWNGRADE_POLICY: DowngradePolicy = 'mirror';
}

// Optional because `doctor` reads Capillary alone; every other command asks for it (requireKafka). Applied
// here since a redeclared field would need an initializer, which would read as a default.
IsOptional()(OpsEnvironment.prototype, 'KAFKA_BROKERS');
