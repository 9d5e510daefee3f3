import { Module } from '@nestjs/common';
import { WebhookAuthGuard } from './webhook-auth.guard';
import { WebhookController } from './webhook.controller';
import { WebhookService } from './webhook.service';

@Module({
  controllers: [WebhookController],
  providers: [WebhookAuthGuard, WebhookService],
})
export class WebhookModule {}
