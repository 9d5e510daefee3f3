import {
  ensureTopics,
  EventPublisher,
  KeyedConsumer,
  type Admin,
  type Consumer,
  type Kafka,
} from '@tiersync/kafka';
import { testBrokers, testKafka, uniqueName } from '@tiersync/kafka/testing';
import { jsonOf, runOps } from '../../test/ops-test-env';
import { ExitCode } from '../cli/exit-code';
import { type ReplayReport } from '../kafka/replay.report';

interface Seen {
  partition: number;
  offset: number;
  seq: number;
}

class TestConsumer {
  readonly seen: Seen[] = [];
  private readonly consumer: Consumer;

  constructor(kafka: Kafka, groupId: string) {
    // A short fetch wait keeps disconnect() fast: kafkajs waits for the fetch in flight.
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 100,
    });
  }

  async start(topic: string): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommitThreshold: 1,
      eachMessage: ({ partition, message }) => {
        const { seq } = JSON.parse(message.value?.toString() ?? '{}') as { seq: number };
        this.seen.push({ partition, offset: Number(message.offset), seq });
        return Promise.resolve();
      },
    });
  }

  async waitFor(count: number): Promise<Seen[]> {
    for (let i = 0; i < 300 && this.seen.length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.seen;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

describe('ops replay (real broker)', () => {
  const kafka = testKafka('ops-cli-test');
  const publisher = new EventPublisher(kafka);
  const admin: Admin = kafka.admin();
  const env = { KAFKA_BROKERS: testBrokers().join(',') };
  let topic: string;
  let groupId: string;
  let splitAt: number;
  let firstOfSecondBatch: Map<number, number>;

  const committed = async (group = groupId): Promise<Map<number, number>> => {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return new Map((offsets?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  };
  const waitGroupCommitted = async (group: string, expected: Map<number, number>): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      const now = await committed(group);
      if ([...expected].every(([p, o]) => now.get(p) === o)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`offsets never reached ${JSON.stringify([...expected])}`);
  };
  const waitCommitted = (expected: Map<number, number>): Promise<void> =>
    waitGroupCommitted(groupId, expected);
  const highs = async (): Promise<Map<number, number>> =>
    new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  const replay = (...args: string[]) =>
    runOps(['--json', 'replay', '--topic', topic, '--consumer-group', groupId, ...args], env);

  beforeAll(async () => {
    await Promise.all([publisher.connect(), admin.connect()]);
    topic = uniqueName('replay');
    groupId = uniqueName('replay-group');
    await ensureTopics(kafka, [{ topic, partitions: 2 }]);
    const batch = (from: number) =>
      Array.from({ length: 20 }, (_, i) => ({ key: `k${(from + i) % 5}`, value: { seq: from + i } }));
    await publisher.publishBatch(topic, batch(0));
    const afterFirst = await highs();
    await new Promise((resolve) => setTimeout(resolve, 30));
    splitAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await publisher.publishBatch(topic, batch(20));
    firstOfSecondBatch = afterFirst;
    // The group handles everything once and stops: committed = high watermark on every partition.
    const consumer = new TestConsumer(kafka, groupId);
    await consumer.start(topic);
    await consumer.waitFor(40);
    await waitCommitted(await highs());
    await consumer.stop();
  });

  afterAll(async () => {
    await Promise.all([publisher.disconnect(), admin.disconnect()]);
  });

  it('--dry-run counts per partition what would be handled again, and moves nothing', async () => {
    const before = await committed();
    const high = await highs();
    const run = await replay('--offsets', '0:2,1:0', '--dry-run');
    expect(run.code).toBe(ExitCode.ok);
    const report = jsonOf(run) as ReplayReport;
    expect(report).toMatchObject({ dryRun: true, applied: false, consumerGroup: groupId, topic });
    expect(report.partitions.map((p) => [p.partition, p.committed, p.target, p.high, p.again])).toEqual([
      [0, high.get(0), 2, high.get(0), (high.get(0) ?? 0) - 2],
      [1, high.get(1), 0, high.get(1), high.get(1)],
    ]);
    expect(report.totals.again).toBe(38);
    expect(await committed()).toEqual(before);
  });

  it('moves the group to explicit offsets and the group re-handles exactly that range', async () => {
    const run = await replay('--offsets', '0:3,1:1');
    expect(run.code).toBe(ExitCode.ok);
    expect(jsonOf(run) as ReplayReport).toMatchObject({ applied: true });
    expect(await committed()).toEqual(new Map([...(await highs())].map(([p]) => [p, p === 0 ? 3 : 1])));

    const high = await highs();
    const expected = (high.get(0) ?? 0) - 3 + (high.get(1) ?? 0) - 1;
    const consumer = new TestConsumer(kafka, groupId);
    await consumer.start(topic);
    const seen = await consumer.waitFor(expected);
    await waitCommitted(high);
    await consumer.stop();
    expect(seen).toHaveLength(expected);
    const offsets = (p: number) => seen.filter((s) => s.partition === p).map((s) => s.offset);
    expect(offsets(0)).toEqual(range(3, high.get(0) ?? 0));
    expect(offsets(1)).toEqual(range(1, high.get(1) ?? 0));
  });

  it('--to-time moves to the first record at/after the instant: the second batch only', async () => {
    const run = await replay('--to-time', new Date(splitAt).toISOString());
    expect(run.code).toBe(ExitCode.ok);
    const report = jsonOf(run) as ReplayReport;
    expect(new Map(report.partitions.map((p) => [p.partition, p.target]))).toEqual(firstOfSecondBatch);

    const consumer = new TestConsumer(kafka, groupId);
    await consumer.start(topic);
    const seen = await consumer.waitFor(20);
    await waitCommitted(await highs());
    await consumer.stop();
    expect(seen.map((s) => s.seq).sort((a, b) => a - b)).toEqual(range(20, 40));
  });

  it('refuses (exit 3) while the group has a live member, names it and says what to do; nothing moves', async () => {
    const live = new TestConsumer(kafka, groupId);
    await live.start(topic);
    await waitForMembers(admin, groupId, 1);
    const before = await committed();

    const refused = await replay('--offsets', '0:0,1:0');
    await live.stop();
    expect(refused.code).toBe(ExitCode.refused);
    expect((jsonOf(refused) as { error: { kind: string } }).error.kind).toBe('refused');
    expect(refused.stderr).toContain(
      `consumer group ${groupId} has 1 active member(s) (client ids: ops-cli-test on `,
    );
    expect(refused.stderr).toContain(
      'Stop tier-sync or scale it to 0 (every consumer of this group), run this command again, then start it',
    );
    expect(await committed()).toEqual(before);
    expect(live.seen).toHaveLength(0);
  });

  it('a running KeyedConsumer (as tier-sync runs) blocks the replay; stopped, the group moves and the range is handled again', async () => {
    // tier-sync consumes through libs/kafka's KeyedConsumer; this is the stop, replay, start runbook.
    const keyedGroup = uniqueName('replay-keyed');
    const seen: number[] = [];
    const start = async (): Promise<KeyedConsumer> => {
      const consumer = keyedConsumer(keyedGroup, topic, (seq) => seen.push(seq));
      await consumer.start();
      return consumer;
    };
    const rewind = () =>
      runOps(
        ['--json', 'replay', '--topic', topic, '--consumer-group', keyedGroup, '--offsets', '0:0,1:0'],
        env,
      );

    const running = await start();
    try {
      await waitUntil(() => seen.length >= 40, 'the keyed consumer to handle the topic');
      await waitGroupCommitted(keyedGroup, await highs());
      const refused = await rewind();
      expect(refused.code).toBe(ExitCode.refused);
      expect(refused.stderr).toContain(
        `consumer group ${keyedGroup} has 1 active member(s) (client ids: ${KEYED_CLIENT_ID} on `,
      );
      expect(await committed(keyedGroup)).toEqual(await highs());
    } finally {
      await running.stop({ deadlineMs: 5_000 });
    }
    expect(seen).toHaveLength(40);

    const moved = await rewind();
    expect(moved.code).toBe(ExitCode.ok);
    expect(jsonOf(moved) as ReplayReport).toMatchObject({ applied: true, totals: { again: 40 } });
    expect(await committed(keyedGroup)).toEqual(new Map([...(await highs())].map(([p]) => [p, 0])));

    const restarted = await start();
    try {
      await waitUntil(() => seen.length >= 80, 'the restarted keyed consumer to handle the range again');
      await waitGroupCommitted(keyedGroup, await highs());
    } finally {
      await restarted.stop({ deadlineMs: 5_000 });
    }
    expect(seen.slice(40).sort((a, b) => a - b)).toEqual(range(0, 40));
  });

  it('refuses to move forward past unhandled records unless --allow-skip', async () => {
    await replay('--offsets', '0:0,1:0');
    const refused = await replay('--offsets', '0:4');
    expect(refused.code).toBe(ExitCode.refused);
    expect(refused.stderr).toContain('FORWARD past 4 record(s)');
    expect((await committed()).get(0)).toBe(0);
    const allowed = await replay('--offsets', '0:4', '--allow-skip');
    expect(allowed.code).toBe(ExitCode.ok);
    expect((await committed()).get(0)).toBe(4);
  });

  it('rejects an unknown topic or an offset outside the log as usage errors', async () => {
    const unknown = await runOps(['replay', '--topic', uniqueName('nope'), '--offsets', '0:0'], env);
    expect(unknown.code).toBe(ExitCode.usage);
    expect(unknown.stderr).toContain('does not exist');
    const outside = await replay('--offsets', '0:100000');
    expect(outside.code).toBe(ExitCode.usage);
    expect(outside.stderr).toContain('outside the log');
  });
});

const KEYED_CLIENT_ID = 'replay-keyed-consumer';

/** A KeyedConsumer with its own client id, so a refusal can be seen to name it. */
function keyedConsumer(groupId: string, topic: string, onSeq: (seq: number) => void): KeyedConsumer {
  const kafka = testKafka(KEYED_CLIENT_ID);
  return new KeyedConsumer(kafka, {
    groupId,
    topics: [topic],
    fromBeginning: true,
    commitIntervalMs: 100,
    sessionTimeoutMs: 10_000,
    heartbeatIntervalMs: 500,
    handler: (message) => {
      const { seq } = JSON.parse(message.value?.toString() ?? '{}') as { seq: number };
      onSeq(seq);
      return Promise.resolve();
    },
    onDeadLetter: () => Promise.reject(new Error('nothing here fails')),
  });
}

async function waitUntil(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!done()) {
    throw new Error(`timed out waiting for ${what}`);
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

async function waitForMembers(admin: Admin, groupId: string, count: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { groups } = await admin.describeGroups([groupId]);
    if (groups[0]?.state === 'Stable' && groups[0].members.length === count) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`group ${groupId} never had ${count} stable member(s)`);
}
