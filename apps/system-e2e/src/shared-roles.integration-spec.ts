import { FLEET_PROGRAM_ID, fleetMemberId, fleetSeed } from '@tiersync/capillary-sim';
import { callsByEndpoint } from './support/accounting';
import { SyncFleet } from './support/sync-fleet';

const GROUPS = 20;
const SECONDARIES = 3;
/** Each primary's upgrade, then the echo of each adjustment. */
const EVENTS = GROUPS * (1 + SECONDARIES);

async function upgradeEveryPrimary(fleet: SyncFleet): Promise<void> {
  for (let g = 0; g < GROUPS; g++) {
    fleet.sim.control.activity({ customerId: fleetMemberId(g, 0), programId: FLEET_PROGRAM_ID, tier: 3 });
  }
  await fleet.results.waitForCount('SYNCED results', (r) => r.outcome === 'SYNCED', GROUPS, 90_000);
  await fleet.untilRouted(EVENTS);
}

describe('customer roles shared through Kafka', () => {
  let fleet: SyncFleet | undefined;
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  async function callsWith(instances: number): Promise<Record<string, number>> {
    fleet = await SyncFleet.start(`roles-${instances}`, instances, fleetSeed(GROUPS, SECONDARIES));
    await upgradeEveryPrimary(fleet);
    const echoes = await fleet.metric('tiersync_router_customer_events_total', {
      resolution: 'secondary_echo',
    });
    expect(echoes).toBe(GROUPS * SECONDARIES);
    const calls = callsByEndpoint(fleet.sim.control.calls());
    await fleet.stop();
    fleet = undefined;
    return calls;
  }

  it('costs the same Capillary calls on every endpoint with one tier-sync instance and with two', async () => {
    const one = await callsWith(1);
    const two = await callsWith(2);
    expect(two).toEqual(one);
    expect(one['GET userGroup2 lookup']).toBe(GROUPS);
    expect(one['POST manualSlabAdjustment']).toBe(GROUPS * SECONDARIES);
    // Each command carries the group its lookup read, so no instance reads it again by id.
    expect(one['GET userGroup2']).toBeUndefined();
  }, 300_000);

  it('after a restart, the echoes of known secondaries cost no lookup', async () => {
    fleet = await SyncFleet.start('roles-restart', 1, fleetSeed(GROUPS, SECONDARIES));
    await upgradeEveryPrimary(fleet);
    await fleet.restartSync(0);
    fleet.sim.control.clearCalls();

    const downgraded = 5;
    for (let g = 0; g < downgraded; g++) {
      fleet.sim.control.activity({ customerId: fleetMemberId(g, 0), programId: FLEET_PROGRAM_ID, tier: 2 });
    }
    await fleet.results.waitForCount('SYNCED results', (r) => r.outcome === 'SYNCED', GROUPS + downgraded);
    await fleet.untilRouted(downgraded * (1 + SECONDARIES));

    const calls = callsByEndpoint(fleet.sim.control.calls());
    expect(calls['POST manualSlabAdjustment']).toBe(downgraded * SECONDARIES);
    expect(calls['GET userGroup2 lookup']).toBeUndefined();
    expect(
      await fleet.metric('tiersync_router_customer_events_total', { resolution: 'secondary_echo' }),
    ).toBe(downgraded * SECONDARIES);
    expect(await fleet.metric('tiersync_router_roles_table_total', { result: 'hit' })).toBe(
      downgraded * (1 + SECONDARIES),
    );
  }, 300_000);
});
