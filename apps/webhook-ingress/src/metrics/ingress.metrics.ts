import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const WEBHOOK_OUTCOMES = [
  'accepted',
  'unknown',
  'rejected',
  'unauthorized',
  'unavailable',
  'too_large',
  'unsupported_media_type',
  'bad_request',
  'error',
] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];
export type SchemaOutcome = 'valid' | 'invalid';

@Injectable()
export class IngressMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'tiersync_ingress_webhook_requests_total',
    help: 'Webhook requests by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly accepted = new Counter({
    name: 'tiersync_ingress_accepted_events_total',
    help: 'Webhooks published to webhook-events, by whether they passed their event schema',
    labelNames: ['schema'],
    registers: [this.registry],
  });
  private readonly publishSeconds = new Histogram({
    name: 'tiersync_ingress_publish_duration_seconds',
    help: 'From handing a record to the publisher to the Kafka ack',
    labelNames: ['topic'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly batchRecords = new Histogram({
    name: 'tiersync_ingress_publish_batch_records',
    help: 'Records per produce request',
    labelNames: ['topic', 'result'],
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tiersync_ingress_' });
    // Zero series up front: a rate() over a counter that appears late misses its first increments.
    for (const outcome of WEBHOOK_OUTCOMES) {
      this.requests.inc({ outcome }, 0);
    }
    for (const schema of ['valid', 'invalid'] as const) {
      this.accepted.inc({ schema }, 0);
    }
  }

  countRequest(outcome: WebhookOutcome): void {
    this.requests.inc({ outcome });
  }

  countAccepted(schema: SchemaOutcome): void {
    this.accepted.inc({ schema });
  }

  observePublish(topic: string, seconds: number): void {
    this.publishSeconds.observe({ topic }, seconds);
  }

  observeBatch(topic: string, records: number, failed: boolean): void {
    this.batchRecords.observe({ topic, result: failed ? 'failed' : 'acked' }, records);
  }
}
