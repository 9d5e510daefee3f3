import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Registry } from 'prom-client';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Readiness } from './readiness';

/** Its own Registry, so several apps in one process never share counters. */
export interface AppMetrics {
  readonly registry: Registry;
}

@Module({})
export class ObservabilityModule {
  static forRoot<M extends AppMetrics>(metrics: Type<M>): DynamicModule {
    return {
      controllers: [HealthController, MetricsController],
      exports: [metrics, Readiness],
      global: true,
      // A failing readiness probe is an answer, not an error: no log line per probe.
      imports: [TerminusModule.forRoot({ logger: false })],
      module: ObservabilityModule,
      providers: [
        metrics,
        Readiness,
        { inject: [metrics], provide: Registry, useFactory: (app: M) => app.registry },
      ],
    };
  }
}
