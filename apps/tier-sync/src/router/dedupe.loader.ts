import { type Kafka, readTopicToEnd, type TopicRecord } from '@tiersync/kafka';
import { HEADERS } from '../messaging/message-headers';
import { type DedupeWindow, originalPosition } from './dedupe-window';

export interface DedupeLoadOptions {
  topic: string;
  windowMs: number;
  groupPrefix: string;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Rebuilds the dedupe window at start-up by reading the router's own input topic back from
 * `now - window` to its current end, so duplicates survive a restart with no extra store. Reading up to
 * the end (not just the committed offset) is safe: DedupeWindow tells a redelivered original (same
 * position) from a duplicate. Returns the number of records read.
 */
export async function loadDedupeWindow(
  kafka: Kafka,
  window: DedupeWindow,
  options: DedupeLoadOptions,
): Promise<number> {
  if (options.windowMs <= 0) {
    return 0;
  }
  let read = 0;
  await readTopicToEnd(
    kafka,
    options.topic,
    {
      fromTimestamp: (options.now ?? Date.now)() - options.windowMs,
      groupPrefix: `${options.groupPrefix}-dedupe`,
      idleTimeoutMs: options.timeoutMs ?? 60_000,
    },
    (record) => {
      read += seed(window, record);
    },
  );
  return read;
}

function seed(window: DedupeWindow, record: TopicRecord): number {
  const eventId = eventIdOf(record);
  if (!eventId) {
    return 0;
  }
  const position = originalPosition(record.partition, record.offset, record.headers[HEADERS.requeuedFrom]);
  window.seed(eventId, position, record.timestamp);
  return 1;
}

/** The ingress sets an eventId header; older records fall back to the JSON body. */
function eventIdOf({ headers, value }: TopicRecord): string | undefined {
  const fromHeader = headers[HEADERS.eventId];
  if (fromHeader) {
    return fromHeader;
  }
  try {
    const body = JSON.parse(value?.toString('utf8') ?? 'null') as unknown;
    const id =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['eventId'] : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}
