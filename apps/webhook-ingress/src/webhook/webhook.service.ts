import { Inject, Injectable, Logger } from '@nestjs/common';
import { RECORD_PUBLISHER, type OutgoingRecord, type RecordPublisher } from '@tiersync/kafka';
import { InvalidEventError } from '@tiersync/tier-events';
import { type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { sanitizedHeaders } from './request-headers';
import { traceIdOf } from './trace-id';
import { decodeWebhookBody, type DecodedWebhook } from './webhook-body.decoder';
import { eventRecord, rejectedRecord, type DeliveryMeta } from './webhook-records';
import { EventRejectedError } from './webhook.errors';

export interface WebhookDelivery {
  readonly body: Buffer | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly receivedAt: number;
}

export interface AcceptedWebhook {
  readonly eventId: string;
}

/** Resolves only after the broker acknowledged the record: a 202 means the event is durable. */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);
  private kafkaFailing = false;

  constructor(
    @Inject(INGRESS_CONFIG) private readonly config: IngressConfig,
    private readonly metrics: IngressMetrics,
    @Inject(RECORD_PUBLISHER) private readonly publisher: RecordPublisher,
  ) {}

  async receive(delivery: WebhookDelivery): Promise<AcceptedWebhook> {
    const meta: DeliveryMeta = { receivedAt: delivery.receivedAt, traceId: traceIdOf(delivery.headers) };
    const decoded = decode(delivery.body);
    if (decoded instanceof InvalidEventError) {
      const headers = sanitizedHeaders(delivery.headers, this.config.auth.headerName);
      await this.publish(
        this.config.kafka.topics.webhookRejected,
        rejectedRecord(delivery.body, decoded, headers, meta),
      );
      this.logger.warn({
        message: 'webhook rejected',
        traceId: meta.traceId,
        violations: decoded.violations,
      });
      throw new EventRejectedError(decoded.violations);
    }
    await this.publish(this.config.kafka.topics.webhookEvents, eventRecord(decoded, meta));
    const { kind, envelope } = decoded.event;
    this.metrics.countRequest(kind === 'unknown' ? 'unknown' : 'accepted');
    return { eventId: envelope.eventId };
  }

  private async publish(topic: string, record: OutgoingRecord): Promise<void> {
    const started = performance.now();
    try {
      await this.publisher.publish(topic, record, this.config.publishing.deadlineMs);
    } catch (error) {
      // One line per outage, not one per webhook: during an outage every request fails the same way.
      if (!this.kafkaFailing) {
        this.kafkaFailing = true;
        this.logger.warn({ message: 'Kafka is not acknowledging: answering 429', error: String(error) });
      }
      throw error;
    }
    this.metrics.observePublish(topic, (performance.now() - started) / 1000);
    if (this.kafkaFailing) {
      this.kafkaFailing = false;
      this.logger.log('Kafka acknowledges again');
    }
  }
}

function decode(body: Buffer | undefined): DecodedWebhook | InvalidEventError {
  try {
    return decodeWebhookBody(body);
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return error;
    }
    throw error;
  }
}
