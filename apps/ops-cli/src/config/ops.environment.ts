import { withCapillaryEnvironment } from '@tiersync/capillary-client';
import { KafkaEnvironment } from '@tiersync/kafka';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const DOWNGRADE_POLICIES = ['mirror', 'upgrade-only'] as const;
export type DowngradePolicy = (typeof DOWNGRADE_POLICIES)[number];

/**
 * The CLI's settings: the Kafka and Capillary blocks every process shares, with the same defaults as
 * apps/tier-sync so that the CLI addresses the same topics and consumer group. Capillary settings are
 * optional here because only `reconcile` calls Capillary.
 */
export class OpsEnvironment extends withCapillaryEnvironment(KafkaEnvironment, { optional: true }) {
  /** Default `<prefix>tier-sync`, as in apps/tier-sync. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_CONSUMER_GROUP?: string;
  override KAFKA_CLIENT_ID = 'tiersync-ops-cli';

  @IsIn(DOWNGRADE_POLICIES) SYNC_DOWNGRADE_POLICY: DowngradePolicy = 'mirror';
}
