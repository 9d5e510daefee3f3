import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, RouterModule } from '@nestjs/core';
import { ObservabilityModule } from '@tiersync/nest-observability';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressExceptionFilter } from '../errors/ingress-exception.filter';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { PublishingModule, type PublishingOptions } from '../publishing/publishing.module';
import { WebhookModule } from '../webhook/webhook.module';

export type IngressAppOptions = PublishingOptions;

@Module({})
export class IngressAppModule {
  static forRoot(config: IngressConfig, options: IngressAppOptions = {}): DynamicModule {
    return {
      exports: [INGRESS_CONFIG],
      global: true,
      imports: [
        ObservabilityModule.forRoot(IngressMetrics),
        PublishingModule.forRoot(config, options),
        RouterModule.register([{ module: WebhookModule, path: config.http.webhookPath }]),
        WebhookModule,
      ],
      module: IngressAppModule,
      providers: [
        { provide: APP_FILTER, useClass: IngressExceptionFilter },
        { provide: INGRESS_CONFIG, useValue: config },
      ],
    };
  }
}
