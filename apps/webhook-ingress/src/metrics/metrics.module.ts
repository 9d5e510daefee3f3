import { Module } from '@nestjs/common';
import { IngressMetrics } from './ingress.metrics';
import { MetricsController } from './metrics.controller';

@Module({
  controllers: [MetricsController],
  exports: [IngressMetrics],
  providers: [IngressMetrics],
})
export class MetricsModule {}
