import { type TopicRecord } from '@tiersync/kafka';
import { unwrapLegacyBody, WEBHOOK_HEADERS, type Violation } from '@tiersync/tier-events';

/** `rejected`: refused by the ingress (400); `quarantined`: accepted, then unreadable for tier-sync (DLQ). */
export type RejectedOrigin = 'rejected' | 'quarantined';

export interface RecordLocation {
  topic: string;
  partition: number;
  offset: string;
}

/** A webhook body kept aside, identified for good by where it is stored. */
export interface RejectedEvent {
  id: string;
  origin: RejectedOrigin;
  location: RecordLocation;
  receivedAt: number;
  eventName: string | null;
  eventId: string | null;
  reason: string;
  violations: readonly Violation[];
  key: string | null;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

export function recordId({ topic, partition, offset }: RecordLocation): string {
  return `${topic}:${partition}:${offset}`;
}

function jsonBody(body: Buffer): Record<string, unknown> {
  try {
    const json = unwrapLegacyBody(JSON.parse(body.toString('utf8')));
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function violationsOf(header: string | undefined): Violation[] {
  try {
    const parsed = JSON.parse(header ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as Violation[]) : [];
  } catch {
    return [];
  }
}

export function rejectedEventOf(topic: string, origin: RejectedOrigin, record: TopicRecord): RejectedEvent {
  const body = record.value ?? Buffer.alloc(0);
  const json = jsonBody(body);
  const { headers } = record;
  const location = { topic, partition: record.partition, offset: record.offset };
  const receivedAt = Number(headers[WEBHOOK_HEADERS.receivedAt]);
  return {
    id: recordId(location),
    origin,
    location,
    receivedAt: Number.isSafeInteger(receivedAt) && receivedAt > 0 ? receivedAt : record.timestamp,
    eventName: text(json['eventName']) ?? text(headers[WEBHOOK_HEADERS.eventName]),
    eventId: text(json['eventId']) ?? text(headers[WEBHOOK_HEADERS.eventId]),
    reason: headers[WEBHOOK_HEADERS.reason] ?? '(no reason recorded)',
    violations: violationsOf(headers[WEBHOOK_HEADERS.violations]),
    key: record.key,
    headers,
    body,
  };
}
