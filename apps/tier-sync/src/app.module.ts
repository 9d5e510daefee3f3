import { Module } from '@nestjs/common';
import { TierSyncConfigModule } from './config/tier-sync-config.module';
import { ConsumerModule } from './consumer/consumer.module';
import { ObservabilityModule } from './observability/observability.module';

/** tier-sync: router + group sync on Kafka, with /metrics and /health over HTTP. */
@Module({
  imports: [ConsumerModule, ObservabilityModule, TierSyncConfigModule],
})
export class AppModule {}
