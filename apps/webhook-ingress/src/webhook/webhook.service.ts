import { Inject, Injectable, Logger } from '@nestjs/common';
import { RECORD_PUBLISHER, type OutgoingRecord, type RecordPublisher } from '@tiersync/kafka';
import {
  InvalidEventError,
  readWebhook,
  webhookEventRecord,
  type DeliveryMeta,
  type WebhookIntake,
} from '@tiersync/tier-events';
import { type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { sanitizedHeaders } from './request-headers';
import { traceIdOf } from './trace-id';
import { rejectedRecord } from './webhook-records';
import { EventRejectedError } from './webhook.errors';

export interface WebhookDelivery {
  readonly body: Buffer | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly receivedAt: number;
}

export interface AcceptedWebhook {
  readonly eventId: string;
}

/** Resolves only after the broker acknowledged the record: a 202 means the event is durable. Tolerant:
 * Capillary never retries a 400, so only a body that can never become an event is refused. */
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
    await this.publish(this.config.kafka.topics.webhookEvents, webhookEventRecord(decoded, meta));
    const { schema } = decoded;
    if (!schema.valid) {
      this.logger.warn({
        message: 'webhook accepted without passing its schema',
        traceId: meta.traceId,
        eventId: decoded.eventId,
        violations: schema.error.violations,
      });
    }
    const unknown = schema.valid ? schema.event.kind === 'unknown' : false;
    this.metrics.countRequest(unknown ? 'unknown' : 'accepted');
    this.metrics.countAccepted(schema.valid ? 'valid' : 'invalid');
    return { eventId: decoded.eventId };
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

function decode(body: Buffer | undefined): WebhookIntake | InvalidEventError {
  try {
    return readWebhook(body);
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return error;
    }
    throw error;
  }
}
