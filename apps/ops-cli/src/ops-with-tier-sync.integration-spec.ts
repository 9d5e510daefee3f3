import { AppProcess } from '@tiersync/app-process';
import {
  DEMO_PROGRAM_ID,
  DEMO_SECOND_PROGRAM_ID,
  startCapillarySim,
  type CapillarySim,
} from '@tiersync/capillary-sim';
import { createKafka, ensureTopics, kafkaConnectionFromEnv, readTopicToEnd } from '@tiersync/kafka';
import { testBrokers, uniqueName } from '@tiersync/kafka/testing';
import { clientVariables, freePort, readSecureKafkaTestEnv } from '@tiersync/local-kafka';
import { topicNames } from '@tiersync/tier-events';
import { plausibleVariants } from '@tiersync/tier-events/testing';
import { jsonOf, readCommands, runOps } from '../test/ops-test-env';
import { inStepSeed } from '../test/reconcile-seed';
import { ExitCode } from './cli/exit-code';
import { type DeadLetterEntry } from './dlq/dead-letter.catalog';
import { type ReplayReport } from './kafka/replay.report';
import { type ReconcileReport } from './reconcile/reconcile.report';

const AUTH = { username: 'ops-till', password: 'ops-till-password' };

async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * How the CLI and tier-sync reach Kafka, as an operator sets it: the test run's PLAINTEXT broker, and the
 * secured broker's SASL_SSL listener with SCRAM-SHA-512 (the MSK / Aiven / Redpanda SCRAM recipe).
 */
const CONNECTIONS = [
  ['PLAINTEXT', () => ({ KAFKA_BROKERS: testBrokers().join(',') })],
  ['SASL_SSL with SCRAM-SHA-512', () => clientVariables(readSecureKafkaTestEnv(), 'sasl')],
] as const;

/** The CLI against a running tier-sync (child process), the simulator and a real broker. */
describe.each(CONNECTIONS)('ops with tier-sync running, over %s', (_protocol, kafkaEnv) => {
  const connection = kafkaConnectionFromEnv(kafkaEnv(), 'ops-cli-test');
  const kafka = createKafka(connection);
  const prefix = `${uniqueName('ops-e2e')}.`;
  const topics = topicNames(prefix);
  let sim: CapillarySim;
  // ops-cli never imports the app; it only shares topics and messages with it.
  const tierSync = new AppProcess('tier-sync');
  let env: Record<string, string>;
  const ops = async (...args: string[]) => runOps(['--json', '--quiet', ...args], env);
  // Fast retries so failures settle in seconds; everything else is the app's default.
  const tierSyncEnv = () => ({
    ...env,
    LOG_LEVEL: 'warn',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    SYNC_BACKOFF_BASE_MS: '20',
    SYNC_RETRY_DELAY_MS: '200',
    SYNC_RETRY_MAX_DELAY_MS: '1000',
  });
  const startTierSync = async () => {
    const port = await freePort();
    tierSync.start({ ...tierSyncEnv(), SYNC_HTTP_HOST: '127.0.0.1', SYNC_HTTP_PORT: String(port) });
    await tierSync.untilReady(`http://127.0.0.1:${port}/health/ready`);
  };
  const tierOf = (customerId: number, programId = DEMO_PROGRAM_ID) =>
    sim.control.tierOf(customerId, programId).tierNumber;
  const adjusted = () =>
    sim.control.calls({ endpoint: 'manualSlabAdjustment' }).map((c) => Number(c.query['identifierValue']));

  beforeAll(async () => {
    await ensureTopics(
      kafka,
      Object.values(topics).map((topic) => ({ topic, partitions: 3 })),
    );
    sim = await startCapillarySim({ seed: inStepSeed(6), auth: AUTH });
    env = {
      ...kafkaEnv(),
      KAFKA_TOPIC_PREFIX: prefix,
      CAPILLARY_BASE_URL: sim.url,
      CAPILLARY_USERNAME: AUTH.username,
      CAPILLARY_PASSWORD: AUTH.password,
      // The simulator keeps no quota.
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
    };
    await startTierSync();
  });

  afterAll(async () => {
    await tierSync.stop();
    await sim.stop();
  });

  it('reconcile repairs drift that no webhook reported', async () => {
    // Tier changes with no webhook configured: the events an outage would have lost.
    sim.control.activity({ customerId: 201, programId: DEMO_PROGRAM_ID, tier: 1 });
    sim.control.activity({ customerId: 403, programId: DEMO_PROGRAM_ID, tier: 3 });
    sim.control.activity({ customerId: 500, programId: DEMO_SECOND_PROGRAM_ID, tier: 2 });

    const run = await ops('reconcile', '--groups', '1,2,3,4,5');
    expect(run.code).toBe(ExitCode.ok);
    expect((jsonOf(run) as ReconcileReport).totals).toMatchObject({ drifted: 3, commands: 3 });

    await eventually('drift repaired', () =>
      tierOf(201) === 2 &&
      tierOf(403) === 2 &&
      [501, 502, 503].every((id) => tierOf(id, DEMO_SECOND_PROGRAM_ID) === 2)
        ? true
        : undefined,
    );
    // Only the drifted members were adjusted, once each.
    expect(adjusted().sort()).toEqual([201, 403, 501, 502, 503]);
    const after = jsonOf(await ops('reconcile', '--groups', '1,2,3,4,5', '--dry-run')) as ReconcileReport;
    expect(after.totals).toMatchObject({ inStep: 5, drifted: 0 });
  });

  it('a dead letter is redriven once, after its cause is fixed, and the member converges', async () => {
    sim.control.activity({ customerId: 601, programId: DEMO_PROGRAM_ID, tier: 1 });
    sim.control.setCustomerStatus(601, 'FRAUD_CONFIRMED');
    expect((await ops('reconcile', '--group', '6')).code).toBe(ExitCode.ok);

    // 3045 is permanent: tier-sync dead-letters the member at once.
    const dead = await eventually('the dead letter', async () => {
      const list = jsonOf(await ops('dlq', 'list', '--group', '6')) as { deadLetters: DeadLetterEntry[] };
      return list.deadLetters[0];
    });
    expect(dead.deadLetter).toMatchObject({
      groupId: 6,
      customerId: 601,
      reason: { code: 3045, retryable: false },
    });
    expect(tierOf(601)).toBe(1);

    sim.control.setCustomerStatus(601, 'ACTIVE');
    const id = dead.deadLetter.deadLetterId;
    expect((jsonOf(await ops('dlq', 'redrive', id)) as { redriven: unknown[] }).redriven).toHaveLength(1);
    await eventually('member 601 synced', () => (tierOf(601) === 2 ? true : undefined));

    const again = jsonOf(await ops('dlq', 'redrive', id)) as {
      redriven: unknown[];
      alreadyRedriven: unknown[];
    };
    expect(again).toMatchObject({ redriven: [], alreadyRedriven: [{ deadLetterId: id }] });
    expect(
      (await readCommands(kafka, topics.groupCommands)).filter((c) => c.provenance?.deadLetterId === id),
    ).toHaveLength(1);
    const pending = jsonOf(await ops('dlq', 'list', '--group', '6', '--pending')) as {
      deadLetters: unknown[];
    };
    expect(pending.deadLetters).toEqual([]);
  });

  it('a quarantined webhook event that parses now is redriven once and reaches tier-sync', async () => {
    // An older tier-sync could not read this event (enteredBy.id -1) and kept it on the DLQ, as it does.
    const event = plausibleVariants['enteredBy.id -1']?.() ?? {};
    const data = event['data'] as Record<string, unknown>;
    data['customerIdentifiers'] = { customerId: 100 };
    data['loyaltyProgramId'] = DEMO_PROGRAM_ID;
    data['loyaltyProgramDetails'] = null;
    data['upgradedTierNumber'] = 3;
    event['eventId'] = `${prefix}quarantined`;
    sim.control.activity({ customerId: 100, programId: DEMO_PROGRAM_ID, tier: 3 });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({
      topic: topics.deadLetters,
      acks: -1,
      messages: [
        {
          key: '100',
          value: JSON.stringify(event),
          headers: {
            eventId: String(event['eventId']),
            receivedAt: String(Date.now()),
            traceId: 'quarantined-trace',
            reason: 'tier-sync could not read the event: data.triggeringActivity.enteredBy.id: ...',
            violations: '[]',
            source: `${topics.webhookEvents}:0:999`,
          },
        },
      ],
    });
    await producer.disconnect();

    const run = jsonOf(await ops('rejected', 'redrive', '--event-name', 'tierUpgraded')) as {
      redriven: { sourceId: string }[];
    };
    expect(run.redriven).toHaveLength(1);
    await eventually('group 1 raised to tier 3', () =>
      [101, 102, 103].every((id) => tierOf(id) === 3) ? true : undefined,
    );
    const again = jsonOf(await ops('rejected', 'redrive', '--event-name', 'tierUpgraded')) as {
      redriven: unknown[];
      alreadyRedriven: unknown[];
    };
    expect(again).toMatchObject({ redriven: [], alreadyRedriven: [{ sourceId: run.redriven[0]?.sourceId }] });
  });

  it('replay after stopping tier-sync: the restarted app re-handles the range and converges without new adjustments', async () => {
    const results = async () => (await readRecords(topics.syncResults)).length;
    const resultsBefore = await results();
    const adjustmentsBefore = adjusted().length;
    const everything = ['replay', '--topic', 'group-commands', '--offsets', '0:0,1:0,2:0'];
    expect((await ops(...everything)).code).toBe(ExitCode.refused);

    await tierSync.stop();
    const dryRun = jsonOf(await ops(...everything, '--dry-run')) as ReplayReport;
    expect(dryRun).toMatchObject({ dryRun: true, applied: false });
    const run = await ops(...everything);
    expect(run.code).toBe(ExitCode.ok);
    const report = jsonOf(run) as ReplayReport;
    expect(report).toMatchObject({ consumerGroup: `${prefix}tier-sync`, applied: true });
    expect(report.totals.again).toBe(report.totals.toHandle);
    expect(report.totals.again).toBeGreaterThanOrEqual(5);
    expect(dryRun.partitions).toEqual(report.partitions);

    await startTierSync();
    // One sync result per command handled again; every group is in step, so nothing is adjusted.
    await eventually('the replayed commands handled', async () =>
      (await results()) >= resultsBefore + report.totals.again ? true : undefined,
    );
    expect(adjusted()).toHaveLength(adjustmentsBefore);
  });

  async function readRecords(topic: string): Promise<unknown[]> {
    const records: unknown[] = [];
    await readTopicToEnd(kafka, topic, { groupPrefix: 'ops-cli-test' }, (record) => records.push(record));
    return records;
  }
});
