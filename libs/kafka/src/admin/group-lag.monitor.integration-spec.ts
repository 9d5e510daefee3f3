import { testKafka, uniqueName } from '../testing/kafka-test-env';
import { GroupLagMonitor } from './group-lag.monitor';

describe(GroupLagMonitor.name, () => {
  const kafka = testKafka('group-lag-test');
  const admin = kafka.admin();
  const [events, commands] = [uniqueName('lag-events'), uniqueName('lag-commands')];
  const groupId = uniqueName('lag-group');

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: events, numPartitions: 2 },
        { topic: commands, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: events,
      messages: [0, 0, 0, 0, 0, 1, 1, 1].map((partition, i) => ({ partition, value: String(i) })),
    });
    await producer.send({ topic: commands, messages: [{ value: 'c' }, { value: 'c' }] });
    await producer.disconnect();
    // Partition 0 handled up to offset 2; partition 1 and the commands topic never committed.
    await admin.setOffsets({ groupId, topic: events, partitions: [{ partition: 0, offset: '2' }] });
  });

  afterAll(() => admin.disconnect());

  it('reports every partition of the group, committed or not, from the broker', async () => {
    const sut = new GroupLagMonitor(kafka.admin(), groupId, [events, commands]);
    await sut.poll();
    await sut.stop();

    expect(
      [...sut.lags()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    ).toEqual(
      [
        { topic: commands, partition: 0, lag: 2 },
        { topic: events, partition: 0, lag: 3 },
        { topic: events, partition: 1, lag: 3 },
      ].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    );
    expect(sut.total()).toBe(8);
    expect(sut.answeredWithin(60_000)).toBe(true);
  });
});
