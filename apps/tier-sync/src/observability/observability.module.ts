import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Readiness } from './readiness';
import { SyncMetrics } from './sync.metrics';

@Module({
  controllers: [HealthController, MetricsController],
  exports: [Readiness, SyncMetrics],
  providers: [Readiness, SyncMetrics],
})
export class ObservabilityModule {}
