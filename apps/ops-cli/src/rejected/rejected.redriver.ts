import { type Kafka } from '@tiersync/kafka';
import {
  InvalidEventError,
  readWebhook,
  WEBHOOK_HEADERS,
  webhookEventRecord,
  type WebhookEventRecord,
} from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Output } from '../cli/output';
import { type CompactedLedger } from '../ledger/compacted.ledger';
import { redriveEach } from '../ledger/redrive-each';
import { type RejectedEvent } from './rejected-event';
import { parseRejectedRedriveRecord, type RejectedRedriveRecord } from './rejected-redrive.record';
import { type RejectedEntry } from './rejected.catalog';

export interface ReadyEvent {
  id: string;
  eventId: string;
  eventName: string;
  key: string;
  record: WebhookEventRecord;
}

export interface StillFailing {
  id: string;
  eventName: string | null;
  reason: string;
}

export interface RejectedRedrivePlan {
  toRedrive: ReadyEvent[];
  stillFailing: StillFailing[];
  alreadyRedriven: RejectedRedriveRecord[];
}

/** Headers that describe the failure; the redriven record passed, and `redrivenFrom` leads back to them. */
const FAILURE_HEADERS: ReadonlySet<string> = new Set([
  WEBHOOK_HEADERS.reason,
  WEBHOOK_HEADERS.violations,
  WEBHOOK_HEADERS.source,
  WEBHOOK_HEADERS.schemaViolations,
]);

/** `partition:offset` on webhook-events of a quarantined record, from its `source` header. */
function webhookPosition(event: RejectedEvent): string | undefined {
  const source = event.headers[WEBHOOK_HEADERS.source];
  return event.origin === 'quarantined' ? /:(\d+:\d+)$/.exec(source ?? '')?.[1] : undefined;
}

/**
 * The record the ingress would write for this body today, with the original headers kept. A quarantined
 * event names its first position in `requeuedFrom`, so tier-sync's dedupe window, which may hold its eventId
 * from that record, treats the copy as that record delivered again instead of dropping it as a duplicate.
 */
function redrivenRecord(event: RejectedEvent, fresh: WebhookEventRecord): WebhookEventRecord {
  const kept = Object.entries(event.headers).filter(([name]) => !FAILURE_HEADERS.has(name));
  const position = webhookPosition(event);
  return {
    ...fresh,
    headers: {
      ...Object.fromEntries(kept),
      ...fresh.headers,
      [WEBHOOK_HEADERS.redrivenFrom]: event.id,
      ...(position === undefined ? {} : { [WEBHOOK_HEADERS.requeuedFrom]: position }),
    },
  };
}

/** Re-reads the body with the CURRENT parser: only an event that passes its schema now is sent again. */
export function readAgain(event: RejectedEvent): ReadyEvent | StillFailing {
  try {
    const intake = readWebhook(event.body);
    if (!intake.schema.valid) {
      return { id: event.id, eventName: intake.eventName, reason: intake.schema.error.message };
    }
    const traceId = event.headers[WEBHOOK_HEADERS.traceId] ?? randomUUID().replaceAll('-', '');
    const record = redrivenRecord(
      event,
      webhookEventRecord(intake, { receivedAt: event.receivedAt, traceId }),
    );
    return { id: event.id, eventId: intake.eventId, eventName: intake.eventName, key: record.key, record };
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return { id: event.id, eventName: event.eventName, reason: error.message };
    }
    throw error;
  }
}

export function planRejectedRedrive(entries: readonly RejectedEntry[]): RejectedRedrivePlan {
  const plan: RejectedRedrivePlan = { toRedrive: [], stillFailing: [], alreadyRedriven: [] };
  for (const { event, redrive } of entries) {
    if (redrive) {
      plan.alreadyRedriven.push(redrive);
      continue;
    }
    const outcome = readAgain(event);
    if ('record' in outcome) {
      plan.toRedrive.push(outcome);
    } else {
      plan.stillFailing.push(outcome);
    }
  }
  return plan;
}

/** A second copy after an interruption is routed by tier-sync like a redelivery (a sync re-reads every member). */
export function redriveRejected(
  kafka: Kafka,
  ready: readonly ReadyEvent[],
  topics: { events: string; ledger: CompactedLedger<RejectedRedriveRecord> },
  output: Output,
  now: () => number = Date.now,
): Promise<RejectedRedriveRecord[]> {
  return redriveEach(kafka, ready, topics.ledger, output, async (publisher, { id, eventId, record }) => {
    const written = await publisher.publish(topics.events, record.key, record.value, record.headers);
    // Parsed like any message, so that nothing invalid is written to the ledger.
    return parseRejectedRedriveRecord({
      sourceId: id,
      eventId,
      redrivenAt: now(),
      eventTopic: topics.events,
      partition: written.partition,
      offset: written.baseOffset ?? '0',
    });
  });
}
