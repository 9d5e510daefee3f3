import { EVENT_SCHEMA_VERSION, eventKey, eventKindOf, unparsedEventKey } from '../parse/event-key';
import type { Violation } from '../validation/invalid-event.error';
import { WEBHOOK_HEADERS } from '../webhook-headers';
import type { WebhookIntake } from './webhook-intake';

export interface DeliveryMeta {
  readonly receivedAt: number;
  readonly traceId: string;
}

export interface WebhookEventRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** Kafka headers share the record's size limit with the value; a body can break every rule of its schema. */
export const MAX_VIOLATIONS_HEADER_CHARS = 2000;
/** 16+ digits in a row may be a number JSON.parse cannot hold exactly (beyond 2^53, or a long fraction). */
const MAYBE_LOSSY_NUMBER = /\d{16,}/;

/** The violations as JSON within the bound; a last entry counts the ones left out. */
export function boundedViolations(violations: readonly Violation[]): string {
  const kept: Violation[] = [];
  for (const [index, violation] of violations.entries()) {
    const rest = violations.length - index - 1;
    const tail = rest > 0 ? [{ path: '(more)', message: `${rest} more violation(s)` }] : [];
    if (JSON.stringify([...kept, violation, ...tail]).length > MAX_VIOLATIONS_HEADER_CHARS) {
      const omitted = violations.length - index;
      return JSON.stringify([...kept, { path: '(more)', message: `${omitted} more violation(s)` }]);
    }
    kept.push(violation);
  }
  return JSON.stringify(kept);
}

function bodyOf({ json, text, wrapped }: WebhookIntake): { value: string; headers: Record<string, string> } {
  if (!wrapped) {
    return { value: text, headers: {} };
  }
  const headers: Record<string, string> = { [WEBHOOK_HEADERS.bodyWrapper]: 'body' };
  if (MAYBE_LOSSY_NUMBER.test(text)) {
    headers[WEBHOOK_HEADERS.rawBody] = text;
  }
  return { value: JSON.stringify(json), headers };
}

/** The webhook-events record of an accepted body, as the ingress writes it and `ops rejected redrive` too. */
export function webhookEventRecord(intake: WebhookIntake, meta: DeliveryMeta): WebhookEventRecord {
  const { schema, eventName, eventId } = intake;
  const kind = schema.valid ? schema.event.kind : eventKindOf(eventName);
  const { value, headers } = bodyOf(intake);
  return {
    key: schema.valid ? eventKey(schema.event) : unparsedEventKey(intake.json, eventName, eventId),
    value,
    headers: {
      [WEBHOOK_HEADERS.eventName]: eventName,
      [WEBHOOK_HEADERS.eventId]: eventId,
      [WEBHOOK_HEADERS.eventKind]: kind,
      [WEBHOOK_HEADERS.receivedAt]: String(meta.receivedAt),
      [WEBHOOK_HEADERS.schemaVersion]: EVENT_SCHEMA_VERSION,
      [WEBHOOK_HEADERS.traceId]: meta.traceId,
      [WEBHOOK_HEADERS.schema]: schema.valid ? 'valid' : 'invalid',
      ...(schema.valid
        ? {}
        : { [WEBHOOK_HEADERS.schemaViolations]: boundedViolations(schema.error.violations) }),
      ...(kind === 'unknown' ? { [WEBHOOK_HEADERS.unknown]: 'true' } : {}),
      ...headers,
    },
  };
}
