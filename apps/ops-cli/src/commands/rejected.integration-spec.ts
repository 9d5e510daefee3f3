import { ensureTopics, EventPublisher, readTopicToEnd, type TopicRecord } from '@tiersync/kafka';
import { testBrokers, testKafka, uniqueName } from '@tiersync/kafka/testing';
import { topicNames } from '@tiersync/tier-events';
import { deadLetterFor, plausibleVariants } from '@tiersync/tier-events/testing';
import { jsonOf, runOps } from '../../test/ops-test-env';
import { ExitCode } from '../cli/exit-code';

interface Listed {
  id: string;
  origin: string;
  eventName: string | null;
  reason: string;
}
interface ListReport {
  matching: number;
  events: Listed[];
}
interface RedriveReport {
  dryRun: boolean;
  toRedrive: { id: string; eventId: string; key: string }[];
  redriven: { sourceId: string }[];
  stillFailing: { id: string; reason: string }[];
  alreadyRedriven: { sourceId: string }[];
}

const t = (hour: number) => Date.UTC(2025, 5, 1, hour);
type Json = Record<string, unknown>;

describe('ops rejected (real broker)', () => {
  const kafka = testKafka('ops-cli-test');
  const publisher = new EventPublisher(kafka);
  const prefix = `${uniqueName('rejected')}.`;
  const topics = topicNames(prefix);
  const env = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
  const ops = (...args: string[]) => runOps(['--json', '--quiet', 'rejected', ...args], env);

  // Refused by an older, stricter ingress; parses with the current parser.
  const refusedThen: Json = { ...(plausibleVariants['enteredBy.id 0']?.() as Json), eventId: 'ev-refused' };
  const notJson = '{"eventName":"tierUpgraded",';
  // Accepted with schema=invalid by the ingress, unreadable for tier-sync then; parses now.
  const quarantined: Json = {
    ...(plausibleVariants['empty tierName in tiers']?.() as Json),
    eventId: 'ev-quarantined',
  };
  const quarantinedCustomer = String(
    ((quarantined['data'] as Json)['customerIdentifiers'] as Json)['customerId'],
  );
  const refusedCustomer = String(
    ((refusedThen['data'] as Json)['customerIdentifiers'] as Json)['customerId'],
  );
  const ids: Record<'refused' | 'notJson' | 'quarantined', string> = {
    refused: '',
    notJson: '',
    quarantined: '',
  };

  const rejectedHeaders = (hour: number, reason: string) => ({
    reason,
    violations: '[]',
    requestHeaders: '{"content-type":"application/json"}',
    receivedAt: String(t(hour)),
    traceId: `trace-${hour}`,
  });
  const events = async (): Promise<TopicRecord[]> => {
    const found: TopicRecord[] = [];
    await readTopicToEnd(kafka, topics.webhookEvents, { groupPrefix: 'ops-cli-test' }, (r) => found.push(r));
    return found;
  };

  beforeAll(async () => {
    await ensureTopics(kafka, [
      { topic: topics.webhookRejected, partitions: 1 },
      { topic: topics.deadLetters, partitions: 1 },
      { topic: topics.webhookEvents, partitions: 3 },
    ]);
    await publisher.connect();
    const at = async (topic: string, key: string, value: string, headers: Record<string, string>) => {
      const written = await publisher.publish(topic, key, value, headers);
      return `${topic}:${written.partition}:${written.baseOffset ?? ''}`;
    };
    ids.refused = await at(
      topics.webhookRejected,
      'trace-8',
      JSON.stringify(refusedThen),
      rejectedHeaders(
        8,
        'invalid webhook body: data.triggeringActivity.enteredBy.id: must be a positive integer id',
      ),
    );
    ids.notJson = await at(
      topics.webhookRejected,
      'trace-9',
      notJson,
      rejectedHeaders(9, 'invalid webhook body: (root): must be valid JSON'),
    );
    ids.quarantined = await at(topics.deadLetters, quarantinedCustomer, JSON.stringify(quarantined), {
      eventId: 'ev-quarantined',
      receivedAt: String(t(10)),
      traceId: 'trace-10',
      reason:
        'tier-sync could not read the event: data.loyaltyProgramDetails.tiers[0].tierName: must not be empty',
      violations: '[]',
      source: `${topics.webhookEvents}:2:40`,
    });
    // Neither is a webhook event kept aside: a dead letter, and a command tier-sync could not read.
    const letter = deadLetterFor({ groupId: 5, failedAt: t(11) });
    await publisher.publish(topics.deadLetters, '5', letter);
    await publisher.publish(topics.deadLetters, '5', '{"kind":', {
      reason: 'tier-sync could not read the command',
      source: `${topics.groupCommands}:0:1`,
    });
  });

  afterAll(() => publisher.disconnect());

  it('lists the refused bodies and the quarantined event, not the DLQ records of commands', async () => {
    const run = await ops('list');
    expect(run.code).toBe(ExitCode.ok);
    const report = jsonOf(run) as ListReport;
    expect(report.events.map((e) => [e.id, e.origin, e.eventName])).toEqual([
      [ids.quarantined, 'quarantined', 'tierUpgraded'],
      [ids.notJson, 'rejected', null],
      [ids.refused, 'rejected', 'tierUpgraded'],
    ]);
  });

  it.each([
    [
      ['--event-name', 'tierUpgraded'],
      ['quarantined', 'refused'],
    ],
    [['--reason', 'VALID JSON'], ['notJson']],
    [['--since', '2025-06-01T09:00:00Z', '--until', '2025-06-01T10:00:00Z'], ['notJson']],
    [['--limit', '1'], ['quarantined']],
  ] as const)('filters %j', async (args, expected) => {
    const report = jsonOf(await ops('list', ...args)) as ListReport;
    expect(report.events.map((e) => e.id)).toEqual(expected.map((name) => ids[name]));
  });

  it('shows the raw body and the reason, and fails (exit 1) for an unknown id', async () => {
    const shown = jsonOf(await ops('show', ids.notJson)) as { body: string; reason: string };
    expect(shown).toMatchObject({
      body: notJson,
      reason: 'invalid webhook body: (root): must be valid JSON',
    });
    expect((await ops('show', `${topics.webhookRejected}:0:999`)).code).toBe(ExitCode.failure);
  });

  it('redrives with --dry-run: says what would go and what still fails, writes nothing', async () => {
    const report = jsonOf(await ops('redrive', '--all', '--dry-run')) as RedriveReport;
    expect(report.toRedrive.map((r) => [r.id, r.key])).toEqual([
      [ids.refused, refusedCustomer],
      [ids.quarantined, quarantinedCustomer],
    ]);
    expect(report.stillFailing).toEqual([
      { id: ids.notJson, eventName: null, reason: 'invalid webhook body: (root): must be valid JSON' },
    ]);
    expect(report.redriven).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it('redrives what parses now to webhook-events once, keyed and headed as the ingress would', async () => {
    const first = jsonOf(await ops('redrive', '--all')) as RedriveReport;
    expect(first.redriven.map((r) => r.sourceId)).toEqual([ids.refused, ids.quarantined]);

    const written = await events();
    const byEvent = new Map(written.map((r) => [r.headers['eventId'], r]));
    expect(written).toHaveLength(2);
    expect(byEvent.get('ev-refused')).toMatchObject({
      key: refusedCustomer,
      headers: {
        eventName: 'tierUpgraded',
        schema: 'valid',
        receivedAt: String(t(8)),
        traceId: 'trace-8',
        redrivenFrom: ids.refused,
        requestHeaders: '{"content-type":"application/json"}',
      },
    });
    expect(byEvent.get('ev-refused')?.headers['reason']).toBeUndefined();
    expect(byEvent.get('ev-quarantined')).toMatchObject({
      key: quarantinedCustomer,
      headers: { schema: 'valid', redrivenFrom: ids.quarantined, requeuedFrom: '2:40', traceId: 'trace-10' },
    });
    expect(byEvent.get('ev-quarantined')?.value?.toString()).toBe(JSON.stringify(quarantined));

    const second = jsonOf(await ops('redrive', '--all')) as RedriveReport;
    expect(second.redriven).toEqual([]);
    expect(second.alreadyRedriven.map((r) => r.sourceId).sort()).toEqual(
      [ids.refused, ids.quarantined].sort(),
    );
    expect(await events()).toHaveLength(2);
    const listed = jsonOf(await ops('list', '--pending')) as ListReport;
    expect(listed.events.map((e) => e.id)).toEqual([ids.notJson]);
  });

  it('refuses to redrive without a selection', async () => {
    expect((await ops('redrive')).code).toBe(ExitCode.usage);
  });
});
