import { type Admin, type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { withAdmin } from '../admin/with-admin';
import { decodeHeaders } from '../consumer/keyed-message';

export interface TopicRecord {
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: number;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

export interface TopicReadOptions {
  readonly fromTimestamp?: number;
  readonly groupPrefix: string;
  readonly idleTimeoutMs?: number;
  readonly onProgress?: (records: number) => void;
}

/** Ends from batch metadata: a transactional topic ends in commit markers never delivered as messages. */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  options: TopicReadOptions,
  onRecord: (record: TopicRecord) => void,
): Promise<number> {
  const { starts, ends } = await withAdmin(kafka, (admin) =>
    offsetRange(admin, topic, options.fromTimestamp),
  );
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
        // A batch with no record at or after the fetched offset reports the high watermark as its last
        // offset, which says nothing about what was read: only a batch that holds records can end a
        // partition. kafkajs's types omit that firstOffset is null for such a batch.
        const firstOffset: unknown = payload.firstOffset;
        if (firstOffset !== null && Number(payload.lastOffset) >= (ends.get(payload.partition) ?? 0) - 1) {
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
          eachBatch: async ({ batch, ...payload }) => {
            const start = starts.get(batch.partition) ?? 0;
            const end = ends.get(batch.partition) ?? 0;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset >= start && offset < end) {
                onRecord(toRecord(batch.partition, message));
                count++;
              }
            }
            options.onProgress?.(count);
            await payload.heartbeat();
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

export function topicExists(kafka: Kafka, topic: string): Promise<boolean> {
  return withAdmin(kafka, async (admin) => (await admin.listTopics()).includes(topic));
}

async function offsetRange(admin: Admin, topic: string, fromTimestamp: number | undefined) {
  const watermarks = await admin.fetchTopicOffsets(topic);
  // kafkajs answers the high watermark for a partition with no record at or after the timestamp.
  const fromTime =
    fromTimestamp === undefined ? undefined : await admin.fetchTopicOffsetsByTimestamp(topic, fromTimestamp);
  return {
    ends: new Map(watermarks.map((w) => [w.partition, Number(w.high)])),
    starts: new Map(
      watermarks.map((w) => {
        const at = fromTime?.find((t) => t.partition === w.partition)?.offset;
        return [w.partition, Number(at ?? w.low)];
      }),
    ),
  };
}

function toRecord(partition: number, message: KafkaMessage): TopicRecord {
  return {
    partition,
    offset: message.offset,
    timestamp: Number(message.timestamp),
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers: decodeHeaders(message.headers),
  };
}
