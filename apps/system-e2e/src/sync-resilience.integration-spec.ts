import { DEMO_PROGRAM_ID, FAMILY1, FAMILY2 } from '@tiersync/capillary-sim';
import { E2eSystem } from './support/e2e-system';
import { waitFor } from './support/wait-for';

const secondaries = [FAMILY1.sam, FAMILY1.max, FAMILY2.bob, FAMILY2.cid];
/** Hangs end at the client timeout; a few command attempts on the retry topic absorb the rest. */
const RESILIENT = { CAPILLARY_TIMEOUT_MS: '400', SYNC_MAX_ATTEMPTS: '10' };

describe('sync under failure, end to end', () => {
  let system: E2eSystem;

  beforeAll(async () => {
    system = await E2eSystem.start({
      name: 'resilience',
      rngSeed: 13,
      syncEnv: RESILIENT,
    });
  });
  afterAll(() => system.stop());
  afterEach(() => system.quiesce());

  it('converges every member through 30% 5xx, 429s and hangs, dead-lettering only the permanent error', async () => {
    system.resetSim();
    system.sim.control.setFaults({
      rngSeed: 5,
      endpoints: { '*': { rate500: 0.15, rate503: 0.15, rate429: 0.05, rateHang: 0.03, retryAfter: '0' } },
    });
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    await waitFor(
      'every active secondary on Platinum',
      () => (secondaries.every((id) => system.tierOf(id) === 3) ? true : undefined),
      {
        timeoutMs: 60_000,
        describe: () => secondaries.map((id) => system.tierOf(id)),
      },
    );
    const injected = system.sim.control.calls().filter((c) => c.fault !== undefined);
    expect(injected.length).toBeGreaterThan(5);
    // Fay's 3045 is permanent: dead-lettered once, never retried into a storm.
    const [letter] = await system.deadLetters.waitForCount(
      '3045 for Fay',
      (d) => d.customerId === FAMILY1.fay,
      1,
    );
    expect(letter?.reason).toMatchObject({ code: 3045, retryable: false });
    expect(system.adjustments(FAMILY1.fay).filter((c) => c.code === 3045)).toHaveLength(1);
    expect(system.deadLetters.records.filter((d) => d.customerId !== FAMILY1.fay)).toEqual([]);
    expect(system.tierOf(FAMILY1.eli)).toBe(1);
  });

  it('converges when tier-sync is killed in the middle of a fan-out', async () => {
    system.resetSim();
    system.sim.control.setFaults({ latency: { fixedMs: 150 } });
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    await waitFor('the first adjustment on its way', () =>
      system.adjustments().length > 0 ? true : undefined,
    );
    await system.sync.stop('SIGKILL');
    const before = secondaries.map((id) => system.tierOf(id));
    await system.startSync(RESILIENT);
    await waitFor(
      'every active secondary on Platinum',
      () => (secondaries.every((id) => system.tierOf(id) === 3) ? true : undefined),
      {
        timeoutMs: 60_000,
        describe: () => ({ before, now: secondaries.map((id) => system.tierOf(id)) }),
      },
    );
    // Re-running the commands re-read every member: nobody was upgraded twice.
    for (const id of secondaries) {
      expect(system.adjustments(id).filter((c) => c.status === 200).length).toBeLessThanOrEqual(1);
    }
    await system.resultsFor(system.emitted({ customerId: FAMILY1.primary })[0] ?? '');
    await system.resultsFor(system.emitted({ customerId: FAMILY2.primary })[0] ?? '');
  });

  it('still drops a duplicate delivered after tier-sync restarted (the dedupe window is rebuilt)', async () => {
    system.resetSim();
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 2 });
    const [original] = system.sim.control.emittedEvents();
    await system.resultsFor(original?.eventId ?? '');
    // Everything (the echoes too) handled and committed, so the new process has nothing to redo.
    await system.quiesce();
    const calls = system.sim.control.calls().length;
    await system.restartSync(RESILIENT);
    expect(await system.post(original)).toBe(202);
    await waitFor('the duplicate dropped by the new process', async () =>
      (await system.syncMetric('tiersync_router_events_total', { decision: 'duplicate' })) >= 1
        ? true
        : undefined,
    );
    expect(system.results.records.filter((r) => r.trigger.eventId === original?.eventId)).toHaveLength(1);
    expect(system.sim.control.calls()).toHaveLength(calls);
  });
});
