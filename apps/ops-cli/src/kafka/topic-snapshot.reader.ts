import { type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { withAdmin } from '../cli/command-context';

export interface TopicRecord {
  partition: number;
  offset: string;
  /** Broker timestamp (epoch ms): when the record was produced. */
  timestamp: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface SnapshotOptions {
  /** Start at the first record at/after this instant instead of the log start. */
  fromTimestamp?: number;
  /** Prefix of the throwaway consumer group (deleted afterwards). */
  groupPrefix: string;
  /** Give up when no batch arrived for this long (default 30 s). */
  idleTimeoutMs?: number;
  onProgress?: (records: number) => void;
}

/**
 * Reads a topic from its start (or a timestamp) up to the high watermarks seen when the read began, then
 * stops: a consistent snapshot that later writes cannot extend. kafkajs has no assign(), so a throwaway
 * consumer group with auto-commit off does the fetching; the group is deleted afterwards. The end of a
 * partition is detected from batch metadata, not from message offsets, because the last offsets of a
 * transactional topic are commit markers that are never delivered as messages.
 */
export async function readTopicSnapshot(
  kafka: Kafka,
  topic: string,
  options: SnapshotOptions,
  onRecord: (record: TopicRecord) => void,
): Promise<number> {
  const { starts, ends } = await withAdmin(kafka, async (admin) => {
    const watermarks = await admin.fetchTopicOffsets(topic);
    const fromTime =
      options.fromTimestamp === undefined
        ? undefined
        : await admin.fetchTopicOffsetsByTimestamp(topic, options.fromTimestamp);
    return {
      ends: new Map(watermarks.map((w) => [w.partition, Number(w.high)])),
      starts: new Map(
        watermarks.map((w) => {
          const at = fromTime?.find((t) => t.partition === w.partition)?.offset;
          return [w.partition, Number(at ?? w.low)];
        }),
      ),
    };
  });
  const pending = new Set([...ends].filter(([p, end]) => (starts.get(p) ?? 0) < end).map(([p]) => p));
  if (pending.size === 0) {
    return 0;
  }
  const groupId = `${options.groupPrefix}.${randomUUID()}`;
  // disconnect() waits for the fetch in flight; a short fetch wait keeps the end of the read prompt.
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  let count = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const idleMs = options.idleTimeoutMs ?? 30_000;
      let idle: NodeJS.Timeout | undefined;
      const armIdle = (): void => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          reject(
            new Error(`reading ${topic} stalled; partitions not read to the end: ${[...pending].join(', ')}`),
          );
        }, idleMs);
      };
      armIdle();
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        armIdle();
        if (Number(payload.lastOffset) >= (ends.get(payload.partition) ?? 0) - 1) {
          pending.delete(payload.partition);
        }
        if (pending.size === 0) {
          clearTimeout(idle);
          resolve();
        }
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) {
          clearTimeout(idle);
          reject(payload.error);
        }
      });
      consumer
        .run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0;
            for (const message of batch.messages) {
              if (Number(message.offset) < end) {
                onRecord(toRecord(batch.partition, message));
                count++;
              }
            }
            options.onProgress?.(count);
            return Promise.resolve();
          },
        })
        .catch(reject);
      // run() creates the group synchronously, so these seeks apply before the first fetch.
      for (const [partition, start] of starts) {
        consumer.seek({ topic, partition, offset: String(start) });
      }
    });
  } finally {
    await consumer.disconnect();
    await withAdmin(kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
  return count;
}

export async function topicExists(kafka: Kafka, topic: string): Promise<boolean> {
  return withAdmin(kafka, async (admin) => (await admin.listTopics()).includes(topic));
}

function toRecord(partition: number, message: KafkaMessage): TopicRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
    }
  }
  return {
    partition,
    offset: message.offset,
    timestamp: Number(message.timestamp),
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers,
  };
}
