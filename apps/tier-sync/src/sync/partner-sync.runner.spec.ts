import { FakeCapillary, permanent, unavailable } from '../../test/fake-capillary';
import { testCommand, testPolicy } from '../../test/sync-fixtures';
import { type SyncPolicy } from '../config/tier-sync.config';
import { PartnerSyncRunner } from './partner-sync.runner';

const members = [
  { customerId: 1, primaryMember: true, active: true },
  { customerId: 2, primaryMember: false, active: true },
  { customerId: 3, primaryMember: false, active: true },
  { customerId: 4, primaryMember: false, active: false },
];
const partner = {
  partnerProgramName: 'Apparel-Partner',
  tierName: 'Gold',
  tierExpiryDate: '2027-12-29T23:59:59Z',
  updateType: 'UPGRADE',
};
const signal = new AbortController().signal;

function setup(policy: Partial<SyncPolicy> = {}) {
  const api = new FakeCapillary();
  return { api, runner: new PartnerSyncRunner(api, testPolicy(policy), () => 0) };
}
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
            partnerProgramName: 'Apparel-Partner',
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
    api.fail('updatePartnerPrograms', 3, permanent(2004));
    const outcome = await runner.run(command(), members, signal);
    expect(outcome.members.find((m) => m.customerId === 2)).toMatchObject({
      status: 'ADJUSTED',
      attempts: 2,
    });
    expect(outcome.members.find((m) => m.customerId === 3)).toMatchObject({
      status: 'FAILED',
      error: { code: 2004, retryable: false },
    });
    expect(api.callsOf('updatePartnerPrograms').map((c) => c.id)).toEqual([2, 1]);
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

  it.each([
    [{ tierName: undefined }, 'names no tier'],
    [{ updateType: 'MEMBERSHIP_RELINKING_CANCELLED' }, 'is not UPGRADE, DOWNGRADE or RENEW'],
  ])('fails a partner update that cannot be mirrored: %j', async (over, message) => {
    const { runner } = setup();
    await expect(runner.run(command(over), members, signal)).rejects.toThrow(message);
  });
});
