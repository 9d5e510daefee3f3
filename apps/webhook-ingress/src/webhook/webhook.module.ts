import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { WebhookAuthGuard } from './webhook-auth.guard';
import { WebhookController } from './webhook.controller';
import { WebhookService } from './webhook.service';

@Module({
  controllers: [WebhookController],
  imports: [MetricsModule],
  providers: [WebhookAuthGuard, WebhookService],
})
export class WebhookModule {}
