import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Readiness } from './readiness';
import { SyncMetrics } from './sync.metrics';

@Module({
  controllers: [HealthController, MetricsController],
  providers: [
    { provide: Readiness, useFactory: () => new Readiness() },
    { provide: SyncMetrics, useFactory: () => new SyncMetrics() },
  ],
  exports: [Readiness, SyncMetrics],
})
export class ObservabilityModule {}
