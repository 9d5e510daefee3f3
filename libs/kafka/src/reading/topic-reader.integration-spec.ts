import { withAdmin } from '../admin/with-admin';
import { testKafka, uniqueName } from '../testing/kafka-test-env';
import { ensureTopics } from '../topic-admin';
import { readTopicToEnd, type TopicRecord } from './topic-reader';

const kafka = testKafka('topic-reader-test');

async function read(topic: string, fromTimestamp?: number): Promise<TopicRecord[]> {
  const records: TopicRecord[] = [];
  const count = await readTopicToEnd(
    kafka,
    topic,
    { groupPrefix: uniqueName('reader'), ...(fromTimestamp === undefined ? {} : { fromTimestamp }) },
    (record) => records.push(record),
  );
  expect(count).toBe(records.length);
  return records;
}

describe(readTopicToEnd.name, () => {
  it('reads every partition to its end, from a timestamp when given, and deletes its consumer group', async () => {
    const topic = uniqueName('reader');
    await ensureTopics(kafka, [{ topic, partitions: 2 }]);
    const producer = kafka.producer();
    await producer.connect();
    const now = Date.now();
    await producer.send({
      topic,
      messages: [
        { partition: 0, key: 'old', value: 'o', timestamp: String(now - 60_000) },
        { partition: 0, key: 'a', value: 'a', headers: { h: '1' }, timestamp: String(now) },
        { partition: 1, key: 'b', value: 'b', timestamp: String(now) },
      ],
    });
    await producer.disconnect();

    const all = await read(topic);
    expect(all.map((r) => r.key).sort()).toEqual(['a', 'b', 'old']);
    expect(all.find((r) => r.key === 'a')).toMatchObject({ partition: 0, offset: '1', headers: { h: '1' } });
    expect((await read(topic, now - 1000)).map((r) => r.key).sort()).toEqual(['a', 'b']);
    expect(await read(topic, now + 60_000)).toEqual([]);

    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((g) => g.groupId.startsWith('reader-'))).toEqual([]);
  });

  it('ends a transactional topic, whose last offset is a commit marker no consumer receives', async () => {
    const topic = uniqueName('reader-tx');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const producer = kafka.producer({
      transactionalId: uniqueName('reader-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({
      topic,
      messages: [
        { key: 'k1', value: '1' },
        { key: 'k2', value: '2' },
      ],
    });
    await transaction.commit();
    await producer.disconnect();
    // The broker writes commit markers after the commit is acknowledged; a read sees what is committed
    // when it begins, so wait until the marker (offset 2) is in.
    await withAdmin(kafka, async (admin) => {
      while (Number((await admin.fetchTopicOffsets(topic))[0]?.high) < 3) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    expect((await read(topic)).map((r) => r.key)).toEqual(['k1', 'k2']);
  });
});
