import { Module } from '@nestjs/common';
import { TierSyncConfigModule } from './config/tier-sync-config.module';
import { MessagingModule } from './messaging/messaging.module';
import { ObservabilityModule } from './observability/observability.module';

/** tier-sync: router + group sync on Kafka, with /metrics and /health over HTTP. */
@Module({
  imports: [MessagingModule, ObservabilityModule, TierSyncConfigModule],
})
export class AppModule {}
