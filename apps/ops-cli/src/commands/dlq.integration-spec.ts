import { ensureTopics, EventPublisher } from '@tiersync/kafka';
import { testBrokers, testKafka, uniqueName } from '@tiersync/kafka/testing';
import { topicNames, type DeadLetter } from '@tiersync/tier-events';
import { deadLetterFor } from '@tiersync/tier-events/testing';
import { jsonOf, readCommands, runOps } from '../../test/ops-test-env';
import { ExitCode } from '../cli/exit-code';
import { type DeadLetterEntry } from '../dlq/dead-letter.catalog';
import { redriveCommandId } from '../dlq/redrive-command.factory';

interface ListReport {
  matching: number;
  unreadable: { partition: number; offset: string }[];
  deadLetters: DeadLetterEntry[];
}
interface RedriveReport {
  dryRun: boolean;
  toRedrive: { deadLetterId: string; commandId: string }[];
  redriven: { deadLetterId: string; commandId: string }[];
  alreadyRedriven: { deadLetterId: string }[];
}

const t = (hour: number) => Date.UTC(2025, 5, 1, hour);

describe('ops dlq (real broker)', () => {
  const kafka = testKafka('ops-cli-test');
  const publisher = new EventPublisher(kafka);
  const prefix = `${uniqueName('dlq')}.`;
  const topics = topicNames(prefix);
  const env = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
  const ops = (...args: string[]) => runOps(['--json', '--quiet', 'dlq', ...args], env);
  const letters: DeadLetter[] = [
    deadLetterFor({ groupId: 101, failedAt: t(8) }),
    deadLetterFor({
      groupId: 101,
      failedAt: t(9),
      reason: { message: 'multiple actions', status: 521, retryable: true, code: 521 },
    }),
    deadLetterFor({
      groupId: 202,
      failedAt: t(10),
      reason: { message: 'fraud', status: 400, code: 3045, retryable: false },
    }),
    deadLetterFor({
      groupId: 303,
      failedAt: t(11),
      reason: { message: 'reset', code: 'ECONNRESET', retryable: true },
    }),
  ];
  const ids = (report: ListReport) => report.deadLetters.map((e) => e.deadLetter.deadLetterId);
  const commands = () => readCommands(kafka, topics.groupCommands);

  beforeAll(async () => {
    await ensureTopics(kafka, [
      { topic: topics.deadLetters, partitions: 2 },
      { topic: topics.groupCommands, partitions: 3 },
    ]);
    await publisher.connect();
    await publisher.publishBatch(
      topics.deadLetters,
      letters.map((letter) => ({ key: String(letter.groupId), value: letter })),
    );
    // A record that is not a dead letter must be reported, not crash the listing nor vanish.
    await publisher.publish(topics.deadLetters, '999', { hello: 'world' });
  });

  afterAll(() => publisher.disconnect());

  it('lists every dead letter newest first, and reports the unreadable record', async () => {
    const run = await ops('list');
    expect(run.code).toBe(ExitCode.ok);
    const report = jsonOf(run) as ListReport;
    expect(ids(report)).toEqual([...letters].reverse().map((l) => l.deadLetterId));
    expect(report.unreadable).toHaveLength(1);
    expect(run.stderr).toContain('unreadable DLQ record');
    expect(report.deadLetters[0]?.redrive).toBeNull();
  });

  it.each([
    [
      ['--group', '101'],
      [0, 1],
    ],
    [
      ['--group', '202,303'],
      [2, 3],
    ],
    [
      ['--code', '3045,ECONNRESET'],
      [2, 3],
    ],
    [['--code', '521', '--group', '202'], []],
    [
      ['--since', '2025-06-01T09:00:00Z'],
      [1, 2, 3],
    ],
    [
      ['--until', '2025-06-01T10:00:00Z'],
      [0, 1],
    ],
    [
      ['--since', '2025-06-01T09:00:00Z', '--until', '2025-06-01T11:00:00Z', '--group', '101,202'],
      [1, 2],
    ],
  ])('filters %j', async (args, expected) => {
    const report = jsonOf(await ops('list', ...args)) as ListReport;
    expect([...ids(report)].sort()).toEqual(expected.map((i) => letters[i]?.deadLetterId).sort());
  });

  it('shows one dead letter in full, and fails (exit 1) for an unknown id', async () => {
    const letter = letters[2] as DeadLetter;
    const run = await ops('show', letter.deadLetterId);
    expect(run.code).toBe(ExitCode.ok);
    const entry = jsonOf(run) as DeadLetterEntry;
    expect(entry.deadLetter).toEqual(JSON.parse(JSON.stringify(letter)));
    expect(entry.location).toMatchObject({
      topic: topics.deadLetters,
      partition: expect.any(Number) as number,
    });

    const missing = await ops('show', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(ExitCode.failure);
    expect(missing.stderr).toContain('not found');
  });

  it('redrives once: the second redrive of the same dead letter publishes nothing', async () => {
    const letter = letters[0] as DeadLetter;
    const dry = jsonOf(await ops('redrive', letter.deadLetterId, '--dry-run')) as RedriveReport;
    expect(dry.toRedrive.map((r) => r.commandId)).toEqual([redriveCommandId(letter.deadLetterId)]);
    expect(await commands()).toHaveLength(0);

    const first = await ops('redrive', letter.deadLetterId);
    expect(first.code).toBe(ExitCode.ok);
    expect((jsonOf(first) as RedriveReport).redriven).toHaveLength(1);
    const second = await ops('redrive', letter.deadLetterId);
    expect(second.code).toBe(ExitCode.ok);
    expect(jsonOf(second) as RedriveReport).toMatchObject({
      redriven: [],
      alreadyRedriven: [{ deadLetterId: letter.deadLetterId }],
    });

    const written = await commands();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      commandId: redriveCommandId(letter.deadLetterId),
      groupId: 101,
      memberIds: letter.command.memberIds,
      attempt: 0,
      provenance: {
        source: 'redrive',
        deadLetterId: letter.deadLetterId,
        originalCommandId: letter.commandId,
      },
    });
    const listed = jsonOf(await ops('list', '--group', '101')) as ListReport;
    expect(
      listed.deadLetters.find((e) => e.deadLetter.deadLetterId === letter.deadLetterId)?.redrive,
    ).toMatchObject({
      commandId: redriveCommandId(letter.deadLetterId),
      commandTopic: topics.groupCommands,
    });
  });

  it('redrives a filtered selection, skipping what was already redriven, and lists only pending ones', async () => {
    const run = await ops('redrive', '--group', '101,202');
    const report = jsonOf(run) as RedriveReport;
    expect(report.redriven.map((r) => r.deadLetterId).sort()).toEqual(
      [letters[1]?.deadLetterId, letters[2]?.deadLetterId].sort(),
    );
    expect(report.alreadyRedriven.map((r) => r.deadLetterId)).toEqual([letters[0]?.deadLetterId]);
    expect(await commands()).toHaveLength(3);

    const pending = jsonOf(await ops('list', '--pending')) as ListReport;
    expect(ids(pending)).toEqual([letters[3]?.deadLetterId]);
  });

  it('refuses a redrive without a selection, and an unknown id, as usage errors', async () => {
    expect((await ops('redrive')).code).toBe(ExitCode.usage);
    const unknown = await ops('redrive', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(ExitCode.usage);
    expect(unknown.stderr).toContain('not found');
    expect(await commands()).toHaveLength(3);
  });
});
