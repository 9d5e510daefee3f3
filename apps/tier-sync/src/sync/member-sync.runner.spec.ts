import { FakeCapillary, PROGRAM_ID, permanent, unavailable } from '../../test/fake-capillary';
import { testCommand, testPolicy, testRetry } from '../../test/sync-fixtures';
import { type SyncPolicy } from '../config/tier-sync.config';
import { MemberSyncRunner, type MemberSyncContext } from './member-sync.runner';

const gold = { number: 2, name: 'Gold' };

function setup(tier: number | undefined, policy: Partial<SyncPolicy> = {}) {
  const api = new FakeCapillary();
  if (tier !== undefined) {
    api.tiers.set(7, tier);
  }
  const sync = testPolicy(policy);
  const runner = new MemberSyncRunner(api, { sync }, testRetry(sync));
  const ctx: MemberSyncContext = {
    command: testCommand(),
    programId: PROGRAM_ID,
    target: gold,
    renewal: false,
  };
  return { api, runner, ctx };
}

describe(MemberSyncRunner.name, () => {
  it('upgrades a member below the target and reports the side effect', async () => {
    const { api, runner, ctx } = setup(1);
    const report = await runner.run(7, ctx);
    expect(report).toMatchObject({
      customerId: 7,
      tierBefore: { number: 1, name: 'Silver' },
      tierAfter: { number: 2, name: 'Gold' },
      action: 'UPGRADE',
      status: 'ADJUSTED',
      attempts: 1,
    });
    expect(report.sideEffects).toHaveLength(1);
    expect(api.callsOf('manualSlabAdjustment')[0]?.body).toMatchObject({
      slabAction: 'UPGRADE',
      toSlabName: 'Gold',
    });
  });

  it('makes no call for a member already on the target', async () => {
    const { api, runner, ctx } = setup(2);
    expect(await runner.run(7, ctx)).toMatchObject({ action: 'NONE', status: 'UNCHANGED', tierAfter: gold });
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(0);
  });

  it('renews a member on the target when the trigger renews', async () => {
    const { api, runner, ctx } = setup(2);
    expect(await runner.run(7, { ...ctx, renewal: true })).toMatchObject({
      action: 'RENEWAL',
      status: 'ADJUSTED',
    });
    expect(api.callsOf('manualSlabAdjustment')[0]?.body).toMatchObject({ slabAction: 'RENEWAL' });
  });

  it('skips a member without a tier in the program', async () => {
    const { api, runner, ctx } = setup(undefined);
    expect(await runner.run(7, ctx)).toMatchObject({ status: 'SKIPPED', action: 'NONE' });
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(0);
  });

  it('plans but never writes in a dry run', async () => {
    const { api, runner, ctx } = setup(3, { dryRun: true });
    expect(await runner.run(7, ctx)).toMatchObject({
      action: 'DOWNGRADE',
      status: 'PLANNED',
      tierBefore: { number: 3 },
    });
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(0);
  });

  it('retries a retryable failure in process, re-reading the member each time', async () => {
    const { api, runner, ctx } = setup(1);
    api.fail('manualSlabAdjustment', 7, unavailable());
    api.fail('getCustomerLoyalty', 7, unavailable());
    expect(await runner.run(7, ctx)).toMatchObject({ status: 'ADJUSTED', attempts: 3 });
    expect(api.callsOf('getCustomerLoyalty')).toHaveLength(3);
  });

  it('reports a retryable failure after the last in-process attempt', async () => {
    const { api, runner, ctx } = setup(1);
    api.fail('manualSlabAdjustment', 7, unavailable(), unavailable(), unavailable(3));
    const report = await runner.run(7, ctx);
    expect(report).toMatchObject({ status: 'FAILED', action: 'UPGRADE', attempts: 3, retryAfterMs: 3 });
    expect(report.error).toMatchObject({ status: 503, retryable: true });
  });

  it('fails a permanent error at once', async () => {
    const { api, runner, ctx } = setup(1);
    api.fail('manualSlabAdjustment', 7, permanent(3045));
    const report = await runner.run(7, ctx);
    expect(report).toMatchObject({ status: 'FAILED', attempts: 1, error: { code: 3045, retryable: false } });
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(1);
  });

  it('re-reads and re-plans once after 8925 (the member moved up meanwhile)', async () => {
    const { api, runner, ctx } = setup(1);
    const original = api.getCustomerLoyalty.bind(api);
    let reads = 0;
    // The member's own activity lifts it to Gold between our read and our call.
    api.getCustomerLoyalty = async (id) => {
      const answer = await original(id);
      if (++reads === 1) {
        api.tiers.set(7, 2);
      }
      return answer;
    };
    const report = await runner.run(7, ctx);
    expect(report).toMatchObject({ status: 'UNCHANGED', action: 'NONE', attempts: 1 });
    expect(report.note).toContain('re-planned after 8925');
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(1);
  });

  it('gives up on a second 8925 as a permanent failure', async () => {
    const { api, runner, ctx } = setup(1);
    api.fail('manualSlabAdjustment', 7, permanent(8925), permanent(8925));
    const report = await runner.run(7, ctx);
    expect(report).toMatchObject({ status: 'FAILED', error: { code: 8925, retryable: false } });
    expect(report.note).toContain('8925 again');
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(2);
  });

  describe('an upgrade trigger with upgradeWithoutRead', () => {
    const unread = { upgradeWithoutRead: true };

    it('upgrades a member below the target with one call, its tier before from the side effect', async () => {
      const { api, runner, ctx } = setup(1, unread);
      expect(await runner.run(7, ctx)).toMatchObject({
        status: 'ADJUSTED',
        action: 'UPGRADE',
        tierBefore: { number: 1, name: 'Silver' },
        tierAfter: { number: 2, name: 'Gold' },
      });
      expect(api.calls.map((c) => c.method)).toEqual(['manualSlabAdjustment']);
    });

    it('reads only after 8925: a member on the target stays UNCHANGED', async () => {
      const { api, runner, ctx } = setup(2, unread);
      const report = await runner.run(7, ctx);
      expect(report).toMatchObject({ status: 'UNCHANGED', action: 'NONE', tierBefore: gold });
      expect(report.note).toContain('re-planned after 8925');
      expect(api.calls.map((c) => c.method)).toEqual(['manualSlabAdjustment', 'getCustomerLoyalty']);
    });

    it('keeps the downgrade policies: mirror downgrades, upgrade-only keeps a member above', async () => {
      const mirror = setup(3, unread);
      expect(await mirror.runner.run(7, mirror.ctx)).toMatchObject({
        status: 'ADJUSTED',
        action: 'DOWNGRADE',
      });
      expect(mirror.api.callsOf('manualSlabAdjustment').map((c) => c.body)).toMatchObject([
        { slabAction: 'UPGRADE' },
        { slabAction: 'DOWNGRADE', toSlabName: 'Gold' },
      ]);
      const kept = setup(3, { ...unread, downgradePolicy: 'upgrade-only' });
      expect(await kept.runner.run(7, kept.ctx)).toMatchObject({ status: 'UNCHANGED', action: 'NONE' });
    });

    it('skips a member Capillary refuses who has no tier in the program', async () => {
      const { api, runner, ctx } = setup(undefined, unread);
      api.fail('manualSlabAdjustment', 7, permanent(1101));
      const report = await runner.run(7, ctx);
      expect(report).toMatchObject({ status: 'SKIPPED', action: 'NONE' });
      expect(report.note).toContain('re-planned after 1101');
    });

    it('keeps a refusal of a member still below the target, without a second call', async () => {
      const { api, runner, ctx } = setup(1, unread);
      api.fail('manualSlabAdjustment', 7, permanent(3045));
      expect(await runner.run(7, ctx)).toMatchObject({ status: 'FAILED', error: { code: 3045 } });
      expect(api.callsOf('manualSlabAdjustment')).toHaveLength(1);
    });

    it('reads first on a retry, a renewal, a downgrade trigger and in a dry run', async () => {
      const retried = setup(1, unread);
      retried.api.fail('manualSlabAdjustment', 7, unavailable());
      expect(await retried.runner.run(7, retried.ctx)).toMatchObject({ status: 'ADJUSTED', attempts: 2 });
      expect(retried.api.calls.map((c) => c.method)).toEqual([
        'manualSlabAdjustment',
        'getCustomerLoyalty',
        'manualSlabAdjustment',
      ]);
      const downgrade = setup(1, unread);
      const command = testCommand({
        trigger: { eventName: 'tierDowngraded', action: 'DOWNGRADE', tierNumber: 2, occurredAt: 1 },
      });
      await downgrade.runner.run(7, { ...downgrade.ctx, command });
      expect(downgrade.api.calls[0]?.method).toBe('getCustomerLoyalty');
      const dry = setup(1, { ...unread, dryRun: true });
      expect(await dry.runner.run(7, dry.ctx)).toMatchObject({
        status: 'PLANNED',
        tierBefore: { number: 1 },
      });
      const renewal = setup(2, unread);
      await renewal.runner.run(7, { ...renewal.ctx, renewal: true });
      expect(renewal.api.calls[0]?.method).toBe('getCustomerLoyalty');
    });
  });

  it('rethrows when the consumer abandons the message', async () => {
    const { api, runner, ctx } = setup(1);
    const controller = new AbortController();
    api.fail('manualSlabAdjustment', 7, unavailable());
    const run = runner.run(7, { ...ctx, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
