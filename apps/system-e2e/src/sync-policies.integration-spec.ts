import { DEMO_PROGRAM_ID, FAMILY1 } from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { E2eSystem } from './support/e2e-system';

const outcomes = (result: SyncResult) =>
  Object.fromEntries(result.members.map((m) => [m.customerId, `${m.action}/${m.outcome}`]));

/** One system; tier-sync is restarted with each policy (the ingress and the topics stay). */
describe('sync policies, end to end', () => {
  let system: E2eSystem;

  beforeAll(async () => {
    system = await E2eSystem.start({
      name: 'policies',
      rngSeed: 12,
      syncEnv: { SYNC_DOWNGRADE_POLICY: 'upgrade-only' },
    });
  });
  afterAll(() => system.stop());
  afterEach(() => system.quiesce());

  it('leaves a secondary above the primary where it is under upgrade-only', async () => {
    system.resetSim();
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 1 });
    const [result] = await system.resultsFor(system.emitted({ customerId: FAMILY1.primary })[0] ?? '');
    expect(outcomes(result!)).toMatchObject({
      [FAMILY1.max]: 'NONE/UNCHANGED',
      [FAMILY1.sam]: 'NONE/UNCHANGED',
    });
    expect(system.tierOf(FAMILY1.max)).toBe(3);
    expect(system.adjustments()).toHaveLength(0);
  });

  it("names the event's tier from the program tier map when the payload's tiers are null (SYNC_TARGET=event)", async () => {
    await system.restartSync({ SYNC_TARGET: 'event' });
    system.resetSim('null');
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    const [event] = system.sim.control.emittedEvents();
    expect(event?.data).toMatchObject({ loyaltyProgramDetails: { tiers: null } });
    const [result] = await system.resultsFor(event?.eventId ?? '');
    expect(result?.target).toEqual({ tierNumber: 3, tierName: 'Platinum' });
    expect(system.sim.control.calls({ endpoint: 'tiers' })).toHaveLength(1);
    expect(system.adjustments(FAMILY1.sam)[0]?.body).toMatchObject({
      slabAction: 'UPGRADE',
      toSlabName: 'Platinum',
    });
    expect(system.tierOf(FAMILY1.sam)).toBe(3);
  });

  it('plans and records in a dry run, and writes nothing', async () => {
    await system.restartSync({ SYNC_DRY_RUN: 'true' });
    system.resetSim();
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 1 });
    const [result] = await system.resultsFor(system.emitted({ customerId: FAMILY1.primary })[0] ?? '');
    expect(result).toMatchObject({ dryRun: true, outcome: 'SYNCED' });
    expect(outcomes(result!)).toEqual({
      [FAMILY1.sam]: 'NONE/PLANNED',
      [FAMILY1.max]: 'DOWNGRADE/PLANNED',
      [FAMILY1.fay]: 'NONE/PLANNED',
      [FAMILY1.eli]: 'NONE/SKIPPED',
    });
    expect(system.adjustments()).toHaveLength(0);
    expect(system.tierOf(FAMILY1.max)).toBe(3);
  });
});
