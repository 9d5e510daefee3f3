import { type MessageHeaders, type OutgoingRecord } from '@tiersync/kafka';
import {
  EVENT_SCHEMA_VERSION,
  eventKey,
  WEBHOOK_HEADERS,
  type InvalidEventError,
} from '@tiersync/tier-events';
import { type DecodedWebhook } from './webhook-body.decoder';

export interface WebhookRecord extends OutgoingRecord {
  readonly value: string | Buffer;
  readonly headers: MessageHeaders;
}

export interface DeliveryMeta {
  readonly receivedAt: number;
  readonly traceId: string;
}

const MAX_REASON_CHARS = 1000;
/** 16+ digits in a row may be a number JSON.parse cannot hold exactly (beyond 2^53, or a long fraction). */
const MAYBE_LOSSY_NUMBER = /\d{16,}/;

function eventValue({ json, text, wrapped }: DecodedWebhook): {
  value: string;
  headers: Record<string, string>;
} {
  if (!wrapped) {
    return { value: text, headers: {} };
  }
  const headers: Record<string, string> = { [WEBHOOK_HEADERS.bodyWrapper]: 'body' };
  if (MAYBE_LOSSY_NUMBER.test(text)) {
    headers[WEBHOOK_HEADERS.rawBody] = text;
  }
  return { value: JSON.stringify(json), headers };
}

export function eventRecord(decoded: DecodedWebhook, meta: DeliveryMeta): WebhookRecord {
  const { event } = decoded;
  const { value, headers } = eventValue(decoded);
  return {
    key: eventKey(event),
    value,
    headers: {
      [WEBHOOK_HEADERS.eventName]: event.envelope.eventName,
      [WEBHOOK_HEADERS.eventId]: event.envelope.eventId,
      [WEBHOOK_HEADERS.eventKind]: event.kind,
      [WEBHOOK_HEADERS.receivedAt]: String(meta.receivedAt),
      [WEBHOOK_HEADERS.schemaVersion]: EVENT_SCHEMA_VERSION,
      [WEBHOOK_HEADERS.traceId]: meta.traceId,
      ...(event.kind === 'unknown' ? { [WEBHOOK_HEADERS.unknown]: 'true' } : {}),
      ...headers,
    },
  };
}

export function rejectedRecord(
  body: Buffer | undefined,
  error: InvalidEventError,
  requestHeaders: Record<string, string>,
  meta: DeliveryMeta,
): WebhookRecord {
  return {
    key: meta.traceId,
    value: body ?? Buffer.alloc(0),
    headers: {
      [WEBHOOK_HEADERS.reason]: error.message.slice(0, MAX_REASON_CHARS),
      [WEBHOOK_HEADERS.violations]: JSON.stringify(error.violations),
      [WEBHOOK_HEADERS.requestHeaders]: JSON.stringify(requestHeaders),
      [WEBHOOK_HEADERS.receivedAt]: String(meta.receivedAt),
      [WEBHOOK_HEADERS.traceId]: meta.traceId,
    },
  };
}
