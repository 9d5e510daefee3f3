import { CapillaryApiError, classifyFailure } from '@tiersync/capillary-client';
import { FakeCapillary, PARTNER_PROGRAM, permanent, unavailable } from '../../test/fake-capillary';
import { metricSeries } from '../../test/metric-series';
import { testCommand, testPolicy, testRetry, testRouterConfig } from '../../test/sync-fixtures';
import { PartnerTiersCache } from '../capillary/partner-tiers.cache';
import { type SyncPolicy } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { PartnerSyncRunner } from './partner-sync.runner';
import { SyncFailure } from './sync-failure.error';

const members = [
  { customerId: 1, primaryMember: true, active: true },
  { customerId: 2, primaryMember: false, active: true },
  { customerId: 3, primaryMember: false, active: true },
  { customerId: 4, primaryMember: false, active: false },
];
const partner: {
  partnerProgramName: string;
  tierNumber?: number;
  tierName?: string;
  tierExpiryDate: string;
  updateType: string;
} = {
  partnerProgramName: PARTNER_PROGRAM,
  tierName: 'Gold',
  tierExpiryDate: '2027-12-29T23:59:59Z',
  updateType: 'UPGRADE',
};
const signal = new AbortController().signal;

function setup(policy: Partial<SyncPolicy> = {}) {
  const api = new FakeCapillary();
  const tiers = new PartnerTiersCache(api, { router: testRouterConfig() });
  const sync = testPolicy(policy);
  const metrics = new SyncMetrics();
  return { api, metrics, runner: new PartnerSyncRunner(api, { sync }, metrics, tiers, testRetry(sync)) };
}
const sentTierNames = (api: FakeCapillary) =>
  api
    .callsOf('updatePartnerPrograms')
    .map((c) =>
      (c.body as { partnerProgramUpdates: { updateDetails: { updatedTierName: string } }[] }[]).map(
        (u) => u.partnerProgramUpdates[0]?.updateDetails.updatedTierName,
      ),
    );
const command = (over: Partial<typeof partner> = {}) =>
  testCommand({
    kind: 'PARTNER_SYNC',
    partner: { ...partner, ...over },
    trigger: { action: 'PARTNER_UPDATE', occurredAt: 1 },
  });

describe(PartnerSyncRunner.name, () => {
  it("sends the primary's partner tier to every active secondary in one batch call", async () => {
    const { api, runner } = setup();
    const outcome = await runner.run(command(), members, signal);
    expect(outcome.members.map((m) => [m.customerId, m.status])).toEqual([
      [4, 'SKIPPED'],
      [2, 'ADJUSTED'],
      [3, 'ADJUSTED'],
    ]);
    const [call] = api.callsOf('updatePartnerPrograms');
    expect(call?.body).toEqual(
      [2, 3].map((id) => ({
        customer: { id },
        partnerProgramUpdates: [
          {
            partnerProgramName: PARTNER_PROGRAM,
            updateType: 'UPGRADE',
            updateDetails: { updatedTierName: 'Gold' },
          },
        ],
      })),
    );
  });

  it('aligns the partner expiry when configured, and maps RENEW to a renewal', async () => {
    const { api, runner } = setup({
      validity: { kind: 'AS_PER_TIER_STRATEGY', alignToPrimary: true, reassessOnNextActivity: false },
    });
    const outcome = await runner.run(command({ updateType: 'RENEW' }), members.slice(0, 2), signal);
    expect(outcome.members[0]).toMatchObject({ action: 'RENEWAL', status: 'ADJUSTED' });
    expect(api.callsOf('updatePartnerPrograms')[0]?.body).toEqual([
      expect.objectContaining({
        partnerProgramUpdates: [
          expect.objectContaining({
            updateType: 'RENEW',
            updateDetails: { updatedTierName: 'Gold', updatedTierExpiryDate: '2027-12-29T23:59:59Z' },
          }),
        ],
      }),
    ]);
  });

  it('re-sends only the customers whose batch failed retryably, and reports permanent failures', async () => {
    const { api, runner } = setup();
    api.fail('updatePartnerPrograms', 2, unavailable());
    api.fail('updatePartnerPrograms', 3, permanent(2007));
    const outcome = await runner.run(command(), members, signal);
    expect(outcome.members.find((m) => m.customerId === 2)).toMatchObject({
      status: 'ADJUSTED',
      attempts: 2,
    });
    expect(outcome.members.find((m) => m.customerId === 3)).toMatchObject({
      status: 'FAILED',
      error: { code: 2007, retryable: false },
    });
    expect(api.callsOf('updatePartnerPrograms').map((c) => c.id)).toEqual([2, 1]);
  });

  it('skips a secondary Capillary answers 2004 (not linked), counted, never failed', async () => {
    const { api, metrics, runner } = setup();
    api.fail('updatePartnerPrograms', 3, permanent(2004));
    const outcome = await runner.run(command(), members, signal);
    expect(outcome.members.find((m) => m.customerId === 3)).toMatchObject({
      action: 'NONE',
      status: 'SKIPPED',
      note: `not linked to partner program ${PARTNER_PROGRAM} (2004)`,
    });
    expect(outcome.members.find((m) => m.customerId === 2)).toMatchObject({ status: 'ADJUSTED' });
    expect(await metricSeries(metrics, 'tiersync_sync_partner_unlinked_total')).toEqual({ '': 1 });
  });

  it('fails a customer the answer does not map to permanently, with the reason and a contradiction', async () => {
    const { api, metrics, runner } = setup();
    const error = new CapillaryApiError('no entry for customer id=3', { kind: 'api', retryable: false });
    api.updatePartnerPrograms = (updates) =>
      Promise.resolve(
        updates.map((input) =>
          input.customer.id === 3
            ? { input, ok: false, programs: [], error, mismatch: 'no entry for customer id=3' }
            : { input, ok: true, customerId: input.customer.id, programs: [] },
        ),
      );
    const outcome = await runner.run(command(), members, signal);
    expect(outcome.members.find((m) => m.customerId === 3)).toMatchObject({
      status: 'FAILED',
      error: { message: 'no entry for customer id=3', retryable: false },
    });
    expect(await metricSeries(metrics, 'tiersync_capillary_contradictions_total')).toEqual({
      'check=partner_answer': 1,
    });
  });

  it('reports a retryable failure after the last in-process attempt', async () => {
    const { runner, api } = setup();
    api.fail('updatePartnerPrograms', 2, unavailable(), unavailable(), unavailable(7));
    const outcome = await runner.run(command(), members.slice(0, 2), signal);
    expect(outcome.members[0]).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      retryAfterMs: 7,
      error: { retryable: true },
    });
  });

  it('plans without sending in a dry run', async () => {
    const { api, runner } = setup({ dryRun: true });
    const outcome = await runner.run(command(), members.slice(0, 2), signal);
    expect(outcome.members[0]).toMatchObject({ status: 'PLANNED', action: 'UPGRADE' });
    expect(api.calls).toHaveLength(0);
  });

  describe('a tier given as a number only (the documented event)', () => {
    const byNumber = (tierNumber: number, over: Partial<typeof partner> = {}) =>
      command({ tierName: undefined, tierNumber, ...over });

    it('uses the name the command carries without any lookup', async () => {
      const { api, runner } = setup();
      await runner.run(command({ tierNumber: 3 }), members, signal);
      expect(api.callsOf('getOrganizationPrograms')).toHaveLength(0);
      expect(sentTierNames(api)).toEqual([['Gold', 'Gold']]);
    });

    it('names the number through GET /v2/organization/programs, cached for the next command', async () => {
      const { api, runner } = setup();
      const first = await runner.run(byNumber(3), members, signal);
      await runner.run(byNumber(1, { updateType: 'DOWNGRADE' }), members, signal);
      expect(first.members.filter((m) => m.status === 'ADJUSTED')).toHaveLength(2);
      expect(sentTierNames(api)).toEqual([
        ['Platinum', 'Platinum'],
        ['Silver', 'Silver'],
      ]);
      expect(api.callsOf('getOrganizationPrograms')).toHaveLength(1);
    });

    it('fails permanently, naming program and number, when the number is unknown after a refresh', async () => {
      const { api, runner } = setup();
      await runner.run(byNumber(2), members, signal);
      const error = await runner.run(byNumber(7), members, signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncFailure);
      expect(classifyFailure(error)).toBe('permanent');
      expect((error as Error).message).toBe(
        `partner program ${PARTNER_PROGRAM} has no tier 7 in GET /v2/organization/programs`,
      );
      // The cached map was read again once before giving up; nothing was sent.
      expect(api.callsOf('getOrganizationPrograms')).toHaveLength(2);
      expect(api.callsOf('updatePartnerPrograms')).toHaveLength(1);
    });

    it('fails permanently for a partner program the org does not list', async () => {
      const { runner } = setup();
      await expect(
        runner.run(byNumber(2, { partnerProgramName: 'Gone-Partner' }), members, signal),
      ).rejects.toThrow('partner program Gone-Partner has no tier 2');
    });

    it('retries a 5xx lookup in process, then leaves it retryable (never a permanent failure)', async () => {
      const { api, runner } = setup();
      api.fail('getOrganizationPrograms', 0, unavailable());
      const recovered = await runner.run(byNumber(2), members.slice(0, 2), signal);
      expect(recovered.members[0]).toMatchObject({ status: 'ADJUSTED' });
      expect(api.callsOf('getOrganizationPrograms')).toHaveLength(2);

      const down = setup();
      down.api.fail('getOrganizationPrograms', 0, unavailable(), unavailable(), unavailable());
      const error = await down.runner.run(byNumber(2), members, signal).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 503, retryable: true });
      expect(classifyFailure(error)).toBe('retryable');
      expect(down.api.callsOf('getOrganizationPrograms')).toHaveLength(3);
      expect(down.api.callsOf('updatePartnerPrograms')).toHaveLength(0);
    });

    it('checks the update type before spending a lookup', async () => {
      const { api, runner } = setup();
      await expect(runner.run(byNumber(2, { updateType: 'BOOST' }), members, signal)).rejects.toThrow(
        'is not UPGRADE, DOWNGRADE or RENEW',
      );
      expect(api.calls).toHaveLength(0);
    });
  });

  it.each([
    [{ tierName: undefined }, 'names no tier'],
    [{ updateType: 'MEMBERSHIP_RELINKING_CANCELLED' }, 'is not UPGRADE, DOWNGRADE or RENEW'],
  ])('fails a partner update that cannot be mirrored: %j', async (over, message) => {
    const { runner } = setup();
    await expect(runner.run(command(over), members, signal)).rejects.toThrow(message);
  });
});
