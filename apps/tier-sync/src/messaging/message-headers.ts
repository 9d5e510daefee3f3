import { type KeyedMessage, type MessageHeaders, NOT_BEFORE_HEADER } from '@tiersync/kafka';
import { WEBHOOK_HEADERS } from '@tiersync/tier-events';

export const HEADERS = {
  ...WEBHOOK_HEADERS,
  commandId: 'commandId',
  notBefore: NOT_BEFORE_HEADER,
  requeueCount: 'requeueCount',
} as const;

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

export type Delivery = Pick<KeyedMessage, 'topic' | 'partition' | 'offset' | 'headers' | 'signal'>;

export function epochHeader(headers: Readonly<Record<string, string>>, name: string): number | undefined {
  const value = Number(headers[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
