import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type IncomingHttpHeaders } from 'node:http';
import { WebhookAuthGuard } from './webhook-auth.guard';
import { WebhookService, type AcceptedWebhook } from './webhook.service';

/** Mounted at WEBHOOK_PATH by RouterModule, hence the empty paths. */
@Controller()
@UseGuards(WebhookAuthGuard)
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  receive(@Body() body: unknown, @Headers() headers: IncomingHttpHeaders): Promise<AcceptedWebhook> {
    // The body parser hands over raw bytes (see webhook-body.parser.ts); anything else means no body.
    return this.webhooks.receive({
      body: Buffer.isBuffer(body) ? body : undefined,
      headers,
      receivedAt: Date.now(),
    });
  }
}
