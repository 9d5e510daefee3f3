import { Module } from '@nestjs/common';
import { ObservabilityModule } from '@tiersync/nest-observability';
import { TierSyncConfigModule } from './config/tier-sync-config.module';
import { ConsumerModule } from './consumer/consumer.module';
import { SyncMetrics } from './observability/sync.metrics';

@Module({
  imports: [ConsumerModule, ObservabilityModule.forRoot(SyncMetrics), TierSyncConfigModule],
})
export class AppModule {}
