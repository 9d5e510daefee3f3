import { FLEET_PROGRAM_ID, fleetMemberId, fleetSeed, type LostAnswer } from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { adjustmentsMadeBy, recordedAdjustments } from './support/audit-trail';
import { SyncFleet } from './support/sync-fleet';

const GROUPS = 8;
const SECONDARIES = 3;

describe('audit trail: adjustments whose answer Capillary lost after making them', () => {
  let fleet: SyncFleet | undefined;
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  it('records every adjustment made as ADJUSTED once, whether the answer was a 5xx or a dropped connection', async () => {
    fleet = await SyncFleet.start('lost-answers', 1, fleetSeed(GROUPS, SECONDARIES));
    // A seed per phase: the simulator draws webhook event ids from the same generator, and a repeated id
    // would be dropped as a duplicate.
    const upgrade = async (groups: number[], lostAnswerAs: LostAnswer, synced: number) => {
      fleet?.sim.control.setFaults({
        rngSeed: synced,
        endpoints: { manualSlabAdjustment: { rateLostAnswer: 0.6, lostAnswerAs } },
      });
      for (const g of groups) {
        fleet?.sim.control.activity({
          customerId: fleetMemberId(g, 0),
          programId: FLEET_PROGRAM_ID,
          tier: 3,
        });
      }
      const withMembers = (r: SyncResult) => r.members.length > 0;
      await fleet?.results.waitForCount('results of group syncs', withMembers, synced, 90_000);
    };
    const half = GROUPS / 2;
    await upgrade([...Array(half).keys()], 500, half);
    await upgrade(
      [...Array(half).keys()].map((g) => g + half),
      'reset',
      GROUPS,
    );
    await fleet.untilRouted(GROUPS * (1 + SECONDARIES));

    const calls = fleet.sim.control.calls({ endpoint: 'manualSlabAdjustment' });
    const lost = calls.filter((c) => c.fault === 'lost-answer');
    expect(new Set(lost.map((c) => c.status))).toEqual(new Set([500, 0]));
    const made = adjustmentsMadeBy(calls);
    expect(made).toHaveLength(GROUPS * SECONDARIES);
    expect(recordedAdjustments(fleet.results.records)).toEqual(made);
    const members = fleet.results.records.flatMap((r) => r.members);
    expect(members.filter((m) => m.outcome === 'UNCHANGED')).toEqual([]);
    expect(fleet.results.records.filter((r) => r.members.length > 0).map((r) => r.outcome)).toEqual(
      Array<string>(GROUPS).fill('SYNCED'),
    );
  }, 300_000);
});
