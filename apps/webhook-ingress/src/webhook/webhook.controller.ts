import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type IncomingHttpHeaders } from 'node:http';
import { WebhookAuthGuard } from './webhook-auth.guard';
import { WebhookService, type AcceptedWebhook } from './webhook.service';

@Controller()
@UseGuards(WebhookAuthGuard)
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  receive(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders): Promise<AcceptedWebhook> {
    return this.webhooks.receive({
      body: Buffer.isBuffer(body) ? body : undefined,
      headers,
      receivedAt: Date.now(),
    });
  }
}
