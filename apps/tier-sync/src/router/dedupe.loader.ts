import { decodeHeaders } from '@tiersync/kafka';
import { type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { HEADERS } from '../messaging/message-headers';
import { type DedupeWindow, originalPosition } from './dedupe-window';

export interface DedupeLoadOptions {
  topic: string;
  windowMs: number;
  /** Base of the throw-away consumer group used for the read-back. */
  groupPrefix: string;
  timeoutMs?: number;
  now?: () => number;
}

interface Range {
  partition: number;
  start: bigint;
  end: bigint;
}

/**
 * Rebuilds the dedupe window at start-up by reading the router's own input topic back from
 * `now - window` (fetchTopicOffsetsByTimestamp) to its current end, so duplicates survive a restart with
 * no extra store. A throw-away consumer group reads it (kafkajs has no group-less assign) and is deleted
 * afterwards. Reading up to the end (not just the committed offset) is safe: DedupeWindow tells a
 * redelivered original (same position) from a duplicate. Returns the number of records read.
 */
export async function loadDedupeWindow(
  kafka: Kafka,
  window: DedupeWindow,
  options: DedupeLoadOptions,
): Promise<number> {
  if (options.windowMs <= 0) {
    return 0;
  }
  const ranges = await rangesToRead(kafka, options);
  if (ranges.length === 0) {
    return 0;
  }
  const groupId = `${options.groupPrefix}-dedupe-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let read = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    const pending = new Map(ranges.map((r) => [r.partition, r]));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`dedupe read-back of ${options.topic} timed out`));
      }, options.timeoutMs ?? 60_000);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch, ...payload }) => {
            const range = pending.get(batch.partition);
            if (!range) {
              return;
            }
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              if (offset >= range.start && offset < range.end) {
                read += record(window, batch.partition, message);
              }
            }
            const last = batch.messages.at(-1);
            if (last && BigInt(last.offset) + 1n >= range.end) {
              pending.delete(batch.partition);
            }
            if (pending.size === 0) {
              finish();
            }
            await payload.heartbeat();
          },
        })
        .then(() => {
          ranges.forEach((r) => {
            consumer.seek({ topic: options.topic, partition: r.partition, offset: String(r.start) });
          });
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return read;
}

async function rangesToRead(kafka: Kafka, options: DedupeLoadOptions): Promise<Range[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const since = (options.now ?? Date.now)() - options.windowMs;
    const [ends, starts] = await Promise.all([
      admin.fetchTopicOffsets(options.topic),
      admin.fetchTopicOffsetsByTimestamp(options.topic, since),
    ]);
    return ends
      .map((end) => {
        const start = starts.find((s) => s.partition === end.partition)?.offset ?? end.high;
        // -1 means "no record at or after the timestamp": nothing of this partition is in the window.
        const from = BigInt(start) < 0n ? BigInt(end.high) : BigInt(start);
        return { partition: end.partition, start: from, end: BigInt(end.high) };
      })
      .filter((r) => r.start < r.end);
  } finally {
    await admin.disconnect();
  }
}

function record(window: DedupeWindow, partition: number, message: KafkaMessage): number {
  const headers = decodeHeaders(message.headers);
  const eventId = eventIdOf(headers, message);
  if (!eventId) {
    return 0;
  }
  const position = originalPosition(partition, message.offset, headers[HEADERS.requeuedFrom]);
  window.seed(eventId, position, Number(message.timestamp));
  return 1;
}

/** The ingress sets an eventId header; older records fall back to the JSON body. */
function eventIdOf(headers: Record<string, string>, message: KafkaMessage): string | undefined {
  const fromHeader = headers[HEADERS.eventId];
  if (fromHeader) {
    return fromHeader;
  }
  try {
    const body = JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown;
    const id =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['eventId'] : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // A leftover empty group without offsets is harmless; the broker expires it.
  } finally {
    await admin.disconnect();
  }
}
