import {
  DEMO_PARTNER_PROGRAM,
  DEMO_PROGRAM_ID,
  DEMO_SECOND_PROGRAM_ID,
  FAMILY1,
  FAMILY2,
  LOU,
} from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { E2eSystem } from './support/e2e-system';
import { waitFor } from './support/wait-for';

const outcomes = (result: SyncResult) =>
  Object.fromEntries(result.members.map((m) => [m.customerId, `${m.action}/${m.outcome}`]));

describe('primary-led group tier sync, end to end (default policy)', () => {
  let system: E2eSystem;

  beforeAll(async () => {
    // Upgrades unread, so the suite proves that mode end to end; the other suites run the read-first default.
    system = await E2eSystem.start({
      name: 'sync',
      rngSeed: 11,
      syncEnv: { SYNC_UPGRADE_WITHOUT_READ: 'true' },
    });
  });
  afterAll(() => system.stop());
  beforeEach(async () => {
    await system.quiesce();
    system.resetSim();
  });

  /** The primary's own partner update, whose partnerProgramUpdated webhook starts a partner sync. */
  async function upgradePrimaryPartnerTier(): Promise<string | undefined> {
    await system.callCapillary('POST', '/v2/partnerProgram/customerPartnerProgramUpdate', {
      customersPartnerUpdates: [
        {
          customer: { id: FAMILY1.primary },
          partnerProgramUpdates: [
            {
              partnerProgramName: DEMO_PARTNER_PROGRAM,
              updateType: 'UPGRADE',
              updateDetails: { updatedTierName: 'Gold' },
            },
          ],
        },
      ],
    });
    return system.emitted({ customerId: FAMILY1.primary, eventName: 'partnerProgramUpdated' })[0];
  }

  it('upgrades every active secondary, leaves exited members, dead-letters a permanent error; echoes cost nothing', async () => {
    const ADJUST = { method: 'POST', endpoint: '/v2/slab/manualSlabAdjustment' };
    const metricsBefore = {
      adjusted: await system.syncMetric('tiersync_capillary_requests_total', { ...ADJUST, outcome: 'ok' }),
      echoes: await system.syncMetric('tiersync_router_ignored_total', { reason: 'secondary_echo' }),
    };
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    const [upgrade] = system.emitted({ customerId: FAMILY1.primary });
    const [result] = await system.resultsFor(upgrade ?? '');

    expect(result).toMatchObject({
      kind: 'TIER_SYNC',
      outcome: 'PARTIAL',
      target: { tierNumber: 3, tierName: 'Platinum' },
    });
    expect(outcomes(result!)).toEqual({
      [FAMILY1.sam]: 'UPGRADE/ADJUSTED',
      [FAMILY1.max]: 'NONE/UNCHANGED',
      [FAMILY1.fay]: 'UPGRADE/DEAD_LETTERED',
      [FAMILY1.eli]: 'NONE/SKIPPED',
    });
    expect([FAMILY1.sam, FAMILY1.max, FAMILY1.fay, FAMILY1.eli].map((id) => system.tierOf(id))).toEqual([
      3, 3, 1, 1,
    ]);

    const [letter] = await system.deadLetters.waitForCount(
      '3045',
      (d) => d.commandId === result!.commandId,
      1,
    );
    expect(letter).toMatchObject({
      customerId: FAMILY1.fay,
      reason: { code: 3045, retryable: false },
      command: { memberIds: [FAMILY1.fay] },
    });
    expect(letter!.reason.message).toContain('permanent failure');

    // Sam's upgrade fires Sam's own tierUpgraded (the echo): it must be ignored without any call.
    const [echo] = system.emitted({ customerId: FAMILY1.sam });
    const [ignored] = await system.resultsFor(echo ?? '');
    expect(ignored).toMatchObject({ outcome: 'IGNORED', groupId: FAMILY1.groupId });
    // Each secondary gets one unread UPGRADE; Max, already on Platinum, is refused with 8925 and read.
    const adjusted = system.adjustments().map((c) => Number(c.query['identifierValue']));
    expect(adjusted.sort()).toEqual([FAMILY1.sam, FAMILY1.max, FAMILY1.fay].sort());
    expect(system.sim.control.calls({ endpoint: 'customers' }).map((c) => c.path)).toEqual(
      expect.arrayContaining([`/v2/customers/${FAMILY1.max}`]),
    );
    const lookups = system.sim.control.calls({ endpoint: 'userGroup2' }).map((c) => c.query['primaryUserId']);
    expect(lookups).not.toContain(String(FAMILY1.sam));
    // The process's Capillary client reports to /metrics: one adjustment answered 200 (Sam's), one echo.
    const adjustedOk = system.adjustments().filter((c) => c.status === 200).length;
    expect(adjustedOk).toBe(1);
    expect(
      (await system.syncMetric('tiersync_capillary_requests_total', { ...ADJUST, outcome: 'ok' })) -
        metricsBefore.adjusted,
    ).toBe(adjustedOk);
    expect(
      (await system.syncMetric('tiersync_router_ignored_total', { reason: 'secondary_echo' })) -
        metricsBefore.echoes,
    ).toBe(1);
  });

  it('downgrades a secondary above the primary (mirror)', async () => {
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 1 });
    const [result] = await system.resultsFor(system.emitted({ customerId: FAMILY1.primary })[0] ?? '');
    expect(outcomes(result!)[FAMILY1.max]).toBe('DOWNGRADE/ADJUSTED');
    expect(system.tierOf(FAMILY1.max)).toBe(1);
    expect(system.adjustments(FAMILY1.max)[0]?.body).toMatchObject({
      slabAction: 'DOWNGRADE',
      toSlabName: 'Silver',
    });
  });

  it('renews the members on the primary tier when the primary renews', async () => {
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 1 });
    const [renewal] = system.emitted({ customerId: FAMILY2.primary, eventName: 'tierRenewed' });
    const [result] = await system.resultsFor(renewal ?? '');
    expect(outcomes(result!)).toEqual({
      [FAMILY2.cid]: 'RENEWAL/ADJUSTED',
      [FAMILY2.bob]: 'DOWNGRADE/ADJUSTED',
    });
    expect(system.adjustments(FAMILY2.cid)[0]?.body).toMatchObject({ slabAction: 'RENEWAL' });
  });

  it('makes no extra call for a webhook delivered twice', async () => {
    const duplicatesBefore = await system.syncMetric('tiersync_router_events_total', {
      decision: 'duplicate',
    });
    system.sim.control.setFaults({ webhook: { duplicateRate: 1 } });
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 2 });
    const [event] = system.emitted({ customerId: FAMILY2.primary });
    await system.resultsFor(event ?? '');
    await system.resultsFor(system.emitted({ customerId: FAMILY2.cid })[0] ?? '');
    await system.sim.control.webhooksIdle();
    const delivered = system.sim.control
      .webhookDeliveries()
      .filter((d) => d.eventId === event && d.outcome === 'delivered');
    expect(delivered).toHaveLength(2);
    // Both second copies (the primary's event and Cid's echo) reach the router and are dropped there.
    await waitFor('both duplicates dropped', async () => {
      const now = await system.syncMetric('tiersync_router_events_total', { decision: 'duplicate' });
      return now - duplicatesBefore >= 2 ? true : undefined;
    });
    expect(system.results.records.filter((r) => r.trigger.eventId === event)).toHaveLength(1);
    // One unread UPGRADE per secondary, once: Bob, already on Gold, is refused with 8925.
    expect(
      system
        .adjustments()
        .map((c) => `${c.query['identifierValue']}:${c.status}`)
        .sort(),
    ).toEqual([`${FAMILY2.bob}:400`, `${FAMILY2.cid}:200`].sort());
  });

  it("converges on the primary's CURRENT tier when two events arrive out of order", async () => {
    system.sim.control.setWebhook(undefined);
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 3 });
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 2 });
    const [older, newer] = system.sim.control.emittedEvents();
    expect(await system.post(newer)).toBe(202);
    await system.resultsFor(newer!.eventId);
    expect(await system.post(older)).toBe(202);
    const [late] = await system.resultsFor(older!.eventId);
    expect(late?.target).toEqual({ tierNumber: 2, tierName: 'Gold' });
    expect([FAMILY2.bob, FAMILY2.cid].map((id) => system.tierOf(id))).toEqual([2, 2]);
  });

  it('aligns a member who joins up to the primary, in every program', async () => {
    system.sim.control.addMember(FAMILY1.groupId, LOU);
    const [joined] = system.emitted({ eventName: 'groupMemberAdded' });
    const results = await system.resultsFor(joined ?? '', 2);
    const byProgram = [...results].sort((a, b) => (a.programId ?? 0) - (b.programId ?? 0));
    expect(byProgram.map((r) => [r.kind, r.programId, outcomes(r)[LOU]])).toEqual([
      ['JOIN_SYNC', DEMO_PROGRAM_ID, 'UPGRADE/ADJUSTED'],
      ['JOIN_SYNC', DEMO_SECOND_PROGRAM_ID, 'UPGRADE/ADJUSTED'],
    ]);
    expect([system.tierOf(LOU), system.tierOf(LOU, DEMO_SECOND_PROGRAM_ID)]).toEqual([2, 2]);
    // Only the joiner is touched.
    expect(new Set(system.adjustments().map((c) => c.query['identifierValue']))).toEqual(
      new Set([String(LOU)]),
    );
  });

  it('aligns a member who joins down to the primary', async () => {
    system.sim.control.activity({ customerId: LOU, programId: DEMO_PROGRAM_ID, tier: 3 });
    system.sim.control.addMember(FAMILY2.groupId, LOU);
    const [joined] = system.emitted({ eventName: 'groupMemberAdded' });
    const results = await system.resultsFor(joined ?? '', 2);
    expect(results.find((r) => r.programId === DEMO_PROGRAM_ID)?.members[0]).toMatchObject({
      customerId: LOU,
      action: 'DOWNGRADE',
      outcome: 'ADJUSTED',
      tierBefore: { number: 3 },
      tierAfter: { number: 1, name: 'Silver' },
    });
    expect(results.find((r) => r.programId === DEMO_SECOND_PROGRAM_ID)?.members[0]).toMatchObject({
      action: 'NONE',
      outcome: 'UNCHANGED',
    });
    expect(system.tierOf(LOU)).toBe(1);
  });

  it("mirrors the primary's partner-program tier onto the secondaries, skipping one not linked", async () => {
    const unlinkedBefore = await system.syncMetric('tiersync_sync_partner_unlinked_total');
    // The simulator's partnerProgramUpdated carries only partnerTierNumber, as documented: tier-sync must
    // name the tier through GET /v2/organization/programs before it can update the secondaries.
    const event = await upgradePrimaryPartnerTier();
    const sent = system.sim.control.emittedEvents().find((e) => e.eventId === event);
    expect(sent?.data).toMatchObject({ customerPartnerProgramDetails: { partnerTierNumber: 2 } });
    expect(JSON.stringify(sent)).not.toContain('partnerTierName');
    const [result] = await system.resultsFor(event ?? '');
    expect(result).toMatchObject({ kind: 'PARTNER_SYNC', outcome: 'SYNCED' });
    expect(result?.reason).toContain(
      `${FAMILY1.fay}: not linked to partner program ${DEMO_PARTNER_PROGRAM} (2004)`,
    );
    expect(system.sim.control.calls({ endpoint: 'organizationPrograms' })).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v2/organization/programs', status: 200 }),
    ]);
    const syncUpdates = system.sim.control
      .calls({ endpoint: 'partnerProgramUpdate' })
      .slice(1)
      .flatMap(
        (c) =>
          (
            c.body as {
              customersPartnerUpdates: {
                partnerProgramUpdates: { updateDetails: { updatedTierName: string } }[];
              }[];
            }
          ).customersPartnerUpdates,
      )
      .map((u) => u.partnerProgramUpdates[0]?.updateDetails.updatedTierName);
    expect(new Set(syncUpdates)).toEqual(new Set(['Gold']));
    expect(outcomes(result!)).toEqual({
      [FAMILY1.sam]: 'UPGRADE/ADJUSTED',
      [FAMILY1.max]: 'UPGRADE/ADJUSTED',
      [FAMILY1.fay]: 'NONE/SKIPPED',
      [FAMILY1.eli]: 'NONE/SKIPPED',
    });
    const links = (id: number) =>
      system.sim.control
        .state()
        .customers.find((c) => c.customerId === id)
        ?.partnerLinks.map((l) => l.tierName);
    expect([links(FAMILY1.sam), links(FAMILY1.max)]).toEqual([['Gold'], ['Gold']]);
    expect((await system.syncMetric('tiersync_sync_partner_unlinked_total')) - unlinkedBefore).toBe(1);
    expect(system.deadLetters.records.filter((d) => d.commandId === result!.commandId)).toEqual([]);
  });

  it.each(['reversed', 'omit-last'] as const)(
    'maps the partner answer by customer when Capillary answers %s',
    async (partnerAnswerOrder) => {
      system.sim.control.setBehaviour({ partnerAnswerOrder });
      const contradictionsBefore = await system.syncMetric('tiersync_capillary_contradictions_total', {
        check: 'partner_answer',
      });
      const event = await upgradePrimaryPartnerTier();
      const [result] = await system.resultsFor(event ?? '');
      const [sent] = system.sim.control.calls({ endpoint: 'partnerProgramUpdate' }).slice(1);
      const order = (
        sent?.body as { customersPartnerUpdates: { customer: { id: number } }[] }
      ).customersPartnerUpdates.map((u) => u.customer.id);
      const last = order[order.length - 1];
      const expected = Object.fromEntries(
        order.map((id) => [id, id === FAMILY1.fay ? 'NONE/SKIPPED' : 'UPGRADE/ADJUSTED']),
      );
      if (partnerAnswerOrder === 'omit-last' && last !== undefined) {
        expected[last] = 'UPGRADE/DEAD_LETTERED';
      }
      expect(outcomes(result!)).toEqual({ ...expected, [FAMILY1.eli]: 'NONE/SKIPPED' });
      if (partnerAnswerOrder === 'omit-last') {
        const [letter] = await system.deadLetters.waitForCount(
          'unmapped',
          (d) => d.commandId === result!.commandId,
          1,
        );
        expect(letter).toMatchObject({ customerId: last, reason: { retryable: false } });
        expect(letter!.reason.message).toContain(`answered no entry for customer id=${last}`);
      }
      expect(
        (await system.syncMetric('tiersync_capillary_contradictions_total', { check: 'partner_answer' })) -
          contradictionsBefore,
      ).toBe(partnerAnswerOrder === 'omit-last' ? 1 : 0);
    },
  );
});
