import { DEMO_PROGRAM_ID, FAMILY1 } from '@tiersync/capillary-sim';
import { clientVariables, readSecureKafkaTestEnv } from '@tiersync/local-kafka';
import { type SyncResult } from '@tiersync/tier-events';
import { E2eSystem } from './support/e2e-system';
import { rawRecord, type RawRecord, TopicTail } from './support/topic-tail';

const outcomes = (result: SyncResult) =>
  Object.fromEntries(result.members.map((m) => [m.customerId, `${m.action}/${m.outcome}`]));

/**
 * Both apps configured only by the variables an operator sets for a secured cluster (docs/operations.md,
 * "Connect to your Kafka"): the Amazon MSK / Aiven / Redpanda SCRAM recipe, and the mTLS recipe.
 */
describe.each([
  ['SASL_SSL with SCRAM-SHA-512', 'sasl'],
  ['mTLS (SSL with a client certificate)', 'mtls'],
] as const)('end to end over %s', (_protocol, listener) => {
  const access = readSecureKafkaTestEnv();
  const secrets = { saslPassword: access.saslPassword, keyPassword: access.keyPassword };
  // Every line either app can log, so that a secret in any of them would be seen.
  const verbose = { LOG_LEVEL: 'verbose' };
  let system: E2eSystem;

  beforeAll(async () => {
    system = await E2eSystem.start({
      name: `secured-${listener}`,
      kafkaEnv: clientVariables(access, listener),
      ingressEnv: verbose,
      syncEnv: verbose,
    });
  });
  afterAll(() => system.stop());

  it('the ingress publishes the webhook and tier-sync syncs the group', async () => {
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    const [upgrade] = system.emitted({ customerId: FAMILY1.primary });
    const [result] = await system.resultsFor(upgrade ?? '');

    expect(result).toMatchObject({ kind: 'TIER_SYNC', target: { tierNumber: 3 } });
    expect(outcomes(result!)[FAMILY1.sam]).toBe('UPGRADE/ADJUSTED');
    expect(system.tierOf(FAMILY1.sam)).toBe(3);
    await system.deadLetters.waitForCount('3045', (d) => d.commandId === result!.commandId, 1);
  });

  it('no secret appears in any log line or record', async () => {
    await system.quiesce();
    const topics = Object.values(system.topics);
    const tails = await Promise.all(
      topics.map((topic) =>
        new TopicTail(system.connection, topic, (r) => r as RawRecord, rawRecord).start(),
      ),
    );
    try {
      const written = [system.topics.webhookEvents, system.topics.groupCommands, system.topics.syncResults];
      for (const topic of written) {
        await tails[topics.indexOf(topic)]!.waitForCount('records', () => true, 1);
      }
      const records = tails.flatMap((tail) => tail.records.map((record) => JSON.stringify(record)));
      const logs = `${system.ingress.logs()}\n${system.sync.logs()}`;
      expect(records.length).toBeGreaterThanOrEqual(written.length);
      expect(logs.split('\n').length).toBeGreaterThan(10);
      const leaked = Object.entries(secrets)
        .filter(([, secret]) => logs.includes(secret) || records.some((record) => record.includes(secret)))
        .map(([name]) => name);
      expect(leaked).toEqual([]);
    } finally {
      await Promise.all(tails.map((tail) => tail.stop()));
    }
  });
});
