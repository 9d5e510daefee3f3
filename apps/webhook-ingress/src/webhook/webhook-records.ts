import { type MessageHeaders, type OutgoingRecord } from '@tiersync/kafka';
import { WEBHOOK_HEADERS, type DeliveryMeta, type InvalidEventError } from '@tiersync/tier-events';

export interface WebhookRecord extends OutgoingRecord {
  readonly value: string | Buffer;
  readonly headers: MessageHeaders;
}

const MAX_REASON_CHARS = 1000;

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
