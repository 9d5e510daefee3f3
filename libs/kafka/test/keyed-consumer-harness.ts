import { type Kafka } from 'kafkajs';
import { KeyedConsumer } from '../src/consumer/keyed-consumer';
import { type KeyedConsumerOptions } from '../src/consumer/keyed-consumer.options';
import { EventPublisher, type MessageHeaders } from '../src/event-publisher';
import { uniqueName } from '../src/testing';
import { ensureTopics } from '../src/topic-admin';

export interface TestRecord {
  key: string;
  value: unknown;
  headers?: MessageHeaders;
}

export async function publishAll(kafka: Kafka, topic: string, records: TestRecord[]): Promise<void> {
  const publisher = new EventPublisher(kafka);
  await publisher.connect();
  try {
    for (let i = 0; i < records.length; i += 1000) {
      await publisher.publishBatch(topic, records.slice(i, i + 1000));
    }
  } finally {
    await publisher.disconnect();
  }
}

export async function seededTopic(
  kafka: Kafka,
  name: string,
  partitions: number,
  records: TestRecord[],
): Promise<{ topic: string; groupId: string }> {
  const topic = uniqueName(name);
  await ensureTopics(kafka, [{ topic, partitions }]);
  await publishAll(kafka, topic, records);
  return { topic, groupId: uniqueName(`${name}-group`) };
}

export function keyedRecords(count: number, keys: number, prefix = 'key'): TestRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}-${i % keys}`,
    value: { seq: Math.floor(i / keys) },
  }));
}

/** Polls until the predicate holds; the bound only guards against a hung test. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type TestOptions = Pick<KeyedConsumerOptions, 'groupId' | 'topics' | 'handler'> &
  Partial<KeyedConsumerOptions>;

export async function startKeyedConsumer(kafka: Kafka, options: TestOptions): Promise<KeyedConsumer> {
  const consumer = new KeyedConsumer(kafka, {
    fromBeginning: true,
    commitIntervalMs: 200,
    sessionTimeoutMs: 10_000,
    heartbeatIntervalMs: 1_000,
    onDeadLetter: (message) => Promise.reject(new Error(`unexpected dead letter at ${message.offset}`)),
    ...options,
  });
  await consumer.start();
  return consumer;
}

export async function committedOffsets(
  kafka: Kafka,
  groupId: string,
  topic: string,
): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((result?.partitions ?? []).map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}

export async function endOffsets(kafka: Kafka, topic: string): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((p) => [p.partition, p.high]));
  } finally {
    await admin.disconnect();
  }
}
