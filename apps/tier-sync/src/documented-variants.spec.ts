import { Logger } from '@nestjs/common';
import { DEMO_PROGRAM_ID, FAMILY1, FAMILY2, type SimBehaviour } from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { SimPipeline } from '../test/sim-pipeline';

/** The simulator's demo Family1: primary Pia, Sam, Eli (exited), Max, Fay; Ann leads Family2. */
const { groupId: GROUP, primary: PIA, sam: SAM, eli: ELI, max: MAX, fay: FAY } = FAMILY1;
const ANN = FAMILY2.primary;

const outcomes = (result: SyncResult | undefined) =>
  Object.fromEntries((result?.members ?? []).map((m) => [m.customerId, `${m.action}/${m.outcome}`]));

/**
 * Every reading the vendor's documents leave open is a simulator switch (tools/capillary-sim README,
 * "Documented variants"); under each, tier-sync either syncs the group correctly or fails loudly (a dead
 * letter with the reason, an error log, a metric), never a stream of IGNORED records.
 */
describe('tier-sync under each documented variant of the Capillary API', () => {
  let pipeline: SimPipeline;
  let errors: jest.SpyInstance;

  beforeEach(async () => {
    pipeline = await SimPipeline.start();
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    errors.mockRestore();
    await pipeline.stop();
  });

  /** Pia goes to Platinum; returns the sync result of her event. */
  async function upgradePia(): Promise<SyncResult | undefined> {
    pipeline.sim.control.activity({ customerId: PIA, programId: DEMO_PROGRAM_ID, tier: 3 });
    const [event] = pipeline.sim.control.emittedEvents().slice(-1);
    await pipeline.deliverEmitted();
    // The adjustments' own tier events (the echoes) go through the router too.
    await pipeline.deliverEmitted();
    return pipeline.resultsFor(event?.eventId)[0];
  }

  /** Sam up, Max already there, Fay refused (3045, dead-lettered), exited Eli skipped where listed. */
  function expectSynced(
    result: SyncResult | undefined,
    { eliListed = true, more = {} }: { eliListed?: boolean; more?: Record<number, string> } = {},
  ): void {
    expect(result).toMatchObject({ outcome: 'PARTIAL', target: { tierNumber: 3, tierName: 'Platinum' } });
    expect(outcomes(result)).toEqual({
      [SAM]: 'UPGRADE/ADJUSTED',
      [MAX]: 'NONE/UNCHANGED',
      [FAY]: 'UPGRADE/DEAD_LETTERED',
      ...(eliListed ? { [ELI]: 'NONE/SKIPPED' } : {}),
      ...more,
    });
    expect(pipeline.sim.control.tierOf(SAM, DEMO_PROGRAM_ID).tierNumber).toBe(3);
    expect(pipeline.deadLetters.map((d) => d.reason.code)).toEqual([3045]);
  }

  const membersReadings: [SimBehaviour['membersInActive'], SimBehaviour['membersExited']][] = [
    ['true-is-active', 'listed'],
    ['true-is-active', 'omitted'],
    ['true-is-inactive', 'listed'],
    ['true-is-inactive', 'omitted'],
  ];

  it.each(membersReadings)(
    'members inActive %s, exited %s: synced from the group rows, the members list unread',
    async (membersInActive, membersExited) => {
      pipeline.sim.control.setBehaviour({ membersInActive, membersExited });

      expectSynced(await upgradePia());
      expect(pipeline.sim.control.calls({ endpoint: 'userGroup2Members' })).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
    },
  );

  it.each(membersReadings.filter(([reading]) => reading === 'true-is-active'))(
    'rows cut short, members inActive %s, exited %s: completed from the members list and synced',
    async (membersInActive, membersExited) => {
      pipeline.sim.control.setBehaviour({ membersInActive, membersExited, groupRowsLimit: 2 });

      // Eli (exited) is beyond the two rows, so only a members list with exited rows names him.
      expectSynced(await upgradePia(), { eliListed: membersExited === 'listed' });
      expect(pipeline.sim.control.calls({ endpoint: 'userGroup2Members' })).not.toEqual([]);
      expect(await pipeline.counter('tiersync_capillary_contradictions_total')).toEqual({});
    },
  );

  it.each(membersReadings.filter(([reading]) => reading === 'true-is-inactive'))(
    'rows cut short, members inActive %s, exited %s: dead-lettered with the reason, logged, counted',
    async (membersInActive, membersExited) => {
      pipeline.sim.control.setBehaviour({ membersInActive, membersExited, groupRowsLimit: 2 });

      const result = await upgradePia();

      expect(result).toMatchObject({ outcome: 'FAILED', members: [] });
      expect(pipeline.deadLetters).toEqual([
        expect.objectContaining({
          groupId: GROUP,
          reason: expect.objectContaining({ retryable: false }) as unknown,
        }),
      ]);
      expect(pipeline.deadLetters[0]?.reason.message).toContain('GET /v2/userGroup2/members contradicts it');
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ msg: 'membership contradiction' }));
      expect(await pipeline.counter('tiersync_capillary_contradictions_total')).toEqual({
        'check=members_inactive': 1,
      });
      expect(pipeline.sim.control.calls({ endpoint: 'manualSlabAdjustment' })).toEqual([]);
    },
  );

  it.each(['supported', 'rejected-1619', 'rejected-403'] as const)(
    'primaryUserIdLookup %s: the group is found and synced',
    async (primaryUserIdLookup) => {
      pipeline.sim.control.setBehaviour({ primaryUserIdLookup });

      expectSynced(await upgradePia());
      expect(await pipeline.counter('tiersync_router_customer_events_total')).toMatchObject({
        'resolution=group': 1,
      });
    },
  );

  it("reads the group once per event: the sync uses the rows the router's lookup just read", async () => {
    expectSynced(await upgradePia());
    const reads = pipeline.sim.control.calls({ endpoint: 'userGroup2' }).map((c) => c.query);
    expect(reads).toEqual([expect.objectContaining({ primaryUserId: String(PIA) })]);
  });

  it('primaryUserIdLookup rejected-1632: a primary seen in a membership event is synced through its group, loudly', async () => {
    pipeline.sim.control.setBehaviour({ primaryUserIdLookup: 'rejected-1632' });
    // Max leaves Family1: the event names Pia as the primary. A join would not do: its sync reads the group,
    // which records Pia in the roles table, and the table answers before any lookup.
    pipeline.sim.control.removeMember(GROUP, MAX);
    await pipeline.deliverEmitted();

    expectSynced(await upgradePia(), { more: { [MAX]: 'NONE/SKIPPED' } });
    expect(await pipeline.counter('tiersync_router_customer_events_total')).toMatchObject({
      'resolution=known_primary': 1,
    });
    expect(await pipeline.counter('tiersync_capillary_contradictions_total')).toEqual({
      'check=primary_lookup': 1,
    });
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ customerId: PIA, groupId: GROUP }));
  });

  it('primaryUserIdLookup rejected-1632: a primary never seen is ignored, but counted by reason and resolution', async () => {
    pipeline.sim.control.setBehaviour({ primaryUserIdLookup: 'rejected-1632' });
    pipeline.sim.control.activity({ customerId: ANN, programId: DEMO_PROGRAM_ID, tier: 2 });
    await pipeline.deliverEmitted();

    expect(pipeline.publisher.commands).toEqual([]);
    expect(await pipeline.counter('tiersync_router_ignored_total')).toEqual({ 'reason=leads_no_group': 1 });
    expect(await pipeline.counter('tiersync_router_customer_events_total')).toEqual({
      'resolution=no_group': 1,
    });
  });
});
