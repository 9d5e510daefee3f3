import { type KeyedMessage, type MessageHeaders, NOT_BEFORE_HEADER } from '@tiersync/kafka';
import { WEBHOOK_HEADERS } from '@tiersync/tier-events';

/** The ingress's header names plus tier-sync's own. */
export const HEADERS = {
  ...WEBHOOK_HEADERS,
  commandId: 'commandId',
  notBefore: NOT_BEFORE_HEADER,
  /** On a webhook event tier-sync put back on its topic: `partition:offset` of the record first consumed. */
  requeuedFrom: 'requeuedFrom',
  /** How many times that event was put back. */
  requeueCount: 'requeueCount',
} as const;

/** What every record we write on behalf of a message carries on: its trace and when the webhook arrived. */
export function forwardedHeaders(headers: Readonly<Record<string, string>>): MessageHeaders {
  const kept: MessageHeaders = {};
  for (const name of [HEADERS.eventId, HEADERS.receivedAt, HEADERS.traceId]) {
    const value = headers[name];
    if (value !== undefined) {
      kept[name] = value;
    }
  }
  return kept;
}

/** The part of a consumed message the sync needs: where it came from, its headers and its abort signal. */
export type Delivery = Pick<KeyedMessage, 'topic' | 'partition' | 'offset' | 'headers' | 'signal'>;

/** epoch ms from a header, or undefined when absent or unreadable. */
export function epochHeader(headers: Readonly<Record<string, string>>, name: string): number | undefined {
  const value = Number(headers[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
