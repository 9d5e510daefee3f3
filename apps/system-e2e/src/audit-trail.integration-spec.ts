import { DEMO_PROGRAM_ID, FAMILY1, FAMILY2 } from '@tiersync/capillary-sim';
import { type LocalKafka, startLocalKafka } from '@tiersync/local-kafka';
import { setTimeout as sleep } from 'node:timers/promises';
import { performedAdjustments, recordedAdjustments } from './support/audit-trail';
import { E2eSystem } from './support/e2e-system';
import { waitFor } from './support/wait-for';

const secondaries = [FAMILY1.sam, FAMILY2.bob, FAMILY2.cid];
/** Slow, uneven Capillary answers: members of one group finish their writes far apart. */
const SLOW = { latency: { fixedMs: 300, jitterMs: 2500 }, rngSeed: 3 };
const SYNC_ENV = { SYNC_JOURNAL_LEASE_MS: '2000', CAPILLARY_TIMEOUT_MS: '10000' };

async function upgradePrimaries(system: E2eSystem): Promise<string[]> {
  system.sim.control.setFaults(SLOW);
  system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
  system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
  await waitFor('the first adjustment made', () =>
    system.adjustments().some((c) => c.status === 200) ? true : undefined,
  );
  return [FAMILY1.primary, FAMILY2.primary].map((id) => system.emitted({ customerId: id })[0] ?? '');
}

async function settled(system: E2eSystem, events: readonly string[]): Promise<void> {
  await waitFor(
    'every active secondary on Platinum',
    () => (secondaries.every((id) => system.tierOf(id) === 3) ? true : undefined),
    { timeoutMs: 90_000, describe: () => secondaries.map((id) => system.tierOf(id)) },
  );
  for (const eventId of events) {
    await system.resultsFor(eventId, 1, 90_000);
  }
  await system.quiesce();
}

describe('audit trail: one ADJUSTED record per adjustment Capillary made', () => {
  describe('through a broker outage in the middle of a fan-out', () => {
    let kafka: LocalKafka;
    let system: E2eSystem;

    beforeAll(async () => {
      kafka = await startLocalKafka();
      system = await E2eSystem.start({
        name: 'audit-outage',
        kafkaEnv: { KAFKA_BROKERS: kafka.brokers.join(',') },
        syncEnv: SYNC_ENV,
      });
    });
    afterAll(async () => {
      await system.stop();
      await kafka.stop();
    });

    it('records every adjustment made while Kafka was down exactly once', async () => {
      const events = await upgradePrimaries(system);
      await kafka.stopBroker();
      await waitFor('the writes in flight answered', () =>
        system.adjustments().every((c) => c.status !== undefined) ? true : undefined,
      );
      // Longer than the producer's own retries (about 3 s), so the run's publishes fail.
      await sleep(8_000);
      await kafka.startBroker();
      await settled(system, events);
      const performed = performedAdjustments(system);
      expect(performed.length).toBeGreaterThanOrEqual(secondaries.length);
      expect(recordedAdjustments(system.results.records)).toEqual(performed);
      expect(await system.syncMetric('tiersync_sync_publish_retries_total')).toBeGreaterThan(0);
    });
  });

  describe('through a tier-sync crash in the middle of a fan-out', () => {
    let system: E2eSystem;

    beforeAll(async () => {
      system = await E2eSystem.start({ name: 'audit-crash', syncEnv: SYNC_ENV });
    });
    afterAll(() => system.stop());

    it('records every adjustment once, the re-run linking the run that made it', async () => {
      const events = await upgradePrimaries(system);
      await system.sync.stop('SIGKILL');
      await system.startSync(SYNC_ENV);
      await settled(system, events);
      const performed = performedAdjustments(system);
      expect(recordedAdjustments(system.results.records)).toEqual(performed);
      const linked = system.results.records.flatMap((r) => r.members.flatMap((m) => m.appliedBy ?? []));
      expect(linked.length).toBeGreaterThan(0);
      const runs = new Set(system.results.records.map((r) => r.runId));
      // recorded is false exactly when the linked run, killed, left no result of its own.
      expect(linked.map((by) => by.recorded)).toEqual(linked.map((by) => runs.has(by.runId)));
    });
  });
});
