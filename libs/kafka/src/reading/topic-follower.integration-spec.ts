import { type Kafka } from 'kafkajs';
import { withAdmin } from '../admin/with-admin';
import { testKafka, uniqueName } from '../testing/kafka-test-env';
import { ensureTopics } from '../topic-admin';
import {
  type FollowedRecord,
  followTopics,
  type TopicFollower,
  type TopicFollowerOptions,
} from './topic-follower';

const kafka = testKafka('topic-follower-test');
const followers: TopicFollower[] = [];

function follow(topics: string[], from: TopicFollowerOptions['from'] = 'earliest') {
  const records: FollowedRecord[] = [];
  const follower = followTopics(kafka, {
    topics,
    from,
    groupPrefix: 'follower-test',
    onRecord: (record) => records.push(record),
  });
  followers.push(follower);
  return { follower, keys: () => records.map((r) => `${r.topic === topics[0] ? '' : '2:'}${r.key ?? ''}`) };
}

async function send(
  client: Kafka,
  topic: string,
  messages: { partition: number; key: string; timestamp?: number }[],
) {
  const producer = client.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: messages.map((m) => ({
      partition: m.partition,
      key: m.key,
      value: m.key,
      ...(m.timestamp === undefined ? {} : { timestamp: String(m.timestamp) }),
    })),
  });
  await producer.disconnect();
}

afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});

describe(followTopics.name, () => {
  it('start() reads every partition of every topic to its end, from a timestamp when given', async () => {
    const [one, two] = [uniqueName('follow'), uniqueName('follow')];
    await ensureTopics(kafka, [
      { topic: one, partitions: 2 },
      { topic: two, partitions: 1 },
    ]);
    const now = Date.now();
    await send(kafka, one, [
      { partition: 0, key: 'old', timestamp: now - 60_000 },
      { partition: 0, key: 'a' },
      { partition: 1, key: 'b' },
    ]);
    await send(kafka, two, [{ partition: 0, key: 'c' }]);

    const all = follow([one, two]);
    await all.follower.start();
    expect(all.keys().sort()).toEqual(['2:c', 'a', 'b', 'old']);

    const recent = follow([one], { timestamp: now - 1000 });
    await recent.follower.start();
    expect(recent.keys().sort()).toEqual(['a', 'b']);
  });

  it('sees a record published after start() once caughtUp() answers true, and starts on an empty topic', async () => {
    const topic = uniqueName('follow-live');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    const { follower, keys } = follow([topic]);
    await follower.start();
    expect(keys()).toEqual([]);

    await send(kafka, topic, [
      { partition: 2, key: 'late' },
      { partition: 0, key: 'later' },
    ]);
    expect(await follower.caughtUp(10_000, [2])).toBe(true);
    expect(keys()).toContain('late');
    expect(await follower.caughtUp(10_000)).toBe(true);
    expect(keys().sort()).toEqual(['late', 'later']);
  });

  it('reads up to the last stable offset: an open transaction does not hold caughtUp(), its commit marker is passed', async () => {
    const topic = uniqueName('follow-tx');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const { follower, keys } = follow([topic]);
    await follower.start();
    const producer = kafka.producer({
      transactionalId: uniqueName('follow-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    try {
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: [{ key: 'pending', value: 'p' }] });
      expect(await follower.caughtUp(10_000)).toBe(true);
      expect(keys()).toEqual([]);

      await transaction.commit();
      // The broker writes the commit marker (offset 1) after acknowledging the commit.
      await withAdmin(kafka, async (admin) => {
        while (Number((await admin.fetchTopicOffsets(topic))[0]?.high) < 2) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      expect(await follower.caughtUp(10_000)).toBe(true);
      expect(keys()).toEqual(['pending']);
    } finally {
      await producer.disconnect();
    }
  });

  it('answers false for a partition added after start(), which its consumer reads only after a metadata refresh', async () => {
    const topic = uniqueName('follow-grown');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const { follower, keys } = follow([topic]);
    await follower.start();
    await withAdmin(kafka, (admin) => admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] }));
    await send(kafka, topic, [
      { partition: 0, key: 'old-partition' },
      { partition: 1, key: 'new-partition' },
    ]);

    expect(await follower.caughtUp(10_000, [0])).toBe(true);
    expect(await follower.caughtUp(1_000, [1])).toBe(false);
    expect(keys()).toEqual(['old-partition']);
  });

  it('deletes its throw-away consumer group on stop()', async () => {
    const topic = uniqueName('follow-stop');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const { follower } = follow([topic]);
    await follower.start();
    await Promise.all(followers.splice(0).map((f) => f.stop()));

    const { groups } = await withAdmin(kafka, (admin) => admin.listGroups());
    expect(groups.filter((g) => g.groupId.startsWith('follower-test.'))).toEqual([]);
    await expect(follower.caughtUp(1_000)).rejects.toThrow('stopped');
  });
});
