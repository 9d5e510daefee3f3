import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import { startKeyedConsumer, waitFor } from '../test/keyed-consumer-harness';
import { EventPublisher } from './event-publisher';
import { testKafka, uniqueName } from './testing';
import { ensureTopics } from './topic-admin';

interface Seen {
  key: string;
  seq: number;
  offset: string;
}

/** Consumes through a KeyedConsumer until `count` messages arrived, then stops it gracefully. */
async function consume(kafka: Kafka, topic: string, groupId: string, count: number): Promise<Seen[]> {
  const seen: Seen[] = [];
  const consumer = await startKeyedConsumer(kafka, {
    groupId,
    topics: [topic],
    handler: (message) => {
      const body = message.json() as { seq: number };
      seen.push({ key: message.key ?? '', seq: body.seq, offset: message.offset });
      return Promise.resolve();
    },
  });
  try {
    await waitFor(() => seen.length >= count, `${count} messages`);
  } finally {
    // stop() drains and commits the finished prefix: the next consumer starts right after it.
    await consumer.stop({ deadlineMs: 5_000 });
  }
  return seen;
}

async function topicConfig(kafka: Kafka, topic: string): Promise<Record<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return Object.fromEntries((resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
  } finally {
    await admin.disconnect();
  }
}

describe('Kafka round trip through libs/kafka', () => {
  const kafka = testKafka();
  const publisher = new EventPublisher(kafka);

  beforeAll(() => publisher.connect());
  afterAll(() => publisher.disconnect());

  it('creates topics idempotently', async () => {
    const topic = uniqueName('roundtrip-admin');
    expect(await ensureTopics(kafka, [{ topic, partitions: 2 }])).toEqual([topic]);
    expect(await ensureTopics(kafka, [{ topic, partitions: 2 }])).toEqual([]);
  });

  it('creates a topic with the configs of its spec and leaves an existing topic as it is', async () => {
    const topic = uniqueName('roundtrip-config');
    await ensureTopics(kafka, [{ topic, partitions: 1, config: { 'retention.ms': '3600000' } }]);
    const settings = { 'retention.ms': '2592000000', 'max.message.bytes': '2162688' };
    expect(await ensureTopics(kafka, [{ topic, partitions: 1, config: settings }])).toEqual([]);
    const config = await topicConfig(kafka, topic);
    expect(config['retention.ms']).toBe('3600000');
    expect(config['max.message.bytes']).not.toBe('2162688');
  });

  it('keeps per-key order and resumes after the committed offset when a consumer restarts', async () => {
    const topic = uniqueName('roundtrip');
    const groupId = uniqueName('roundtrip-group');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    const keys = ['group-1', 'group-2', 'group-3', 'group-4'];
    const perKey = 25;
    const records = keys.flatMap((key) =>
      Array.from({ length: perKey }, (_, seq) => ({ key, value: { seq } })),
    );
    // Interleave keys so order per key is not an accident of batching.
    records.sort((a, b) => a.value.seq - b.value.seq);
    await publisher.publishBatch(topic, records.slice(0, 60));

    const first = await consume(kafka, topic, groupId, 60);
    await publisher.publishBatch(topic, records.slice(60));
    const second = await consume(kafka, topic, groupId, records.length - 60);

    for (const key of keys) {
      const seqs = [...first, ...second].filter((s) => s.key === key).map((s) => s.seq);
      expect(seqs).toEqual(Array.from({ length: perKey }, (_, i) => i));
    }
    // The restarted consumer saw only what was published after the first one committed.
    expect(second).toHaveLength(records.length - 60);
    expect(second.every((s) => s.seq >= Math.floor(60 / keys.length))).toBe(true);
  });
});
