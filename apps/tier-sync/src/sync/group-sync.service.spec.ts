import { KafkaUnavailableError } from '@tiersync/kafka';
import {
  FakeCapillary,
  PARTNER_PROGRAM,
  PROGRAM_ID,
  permanent,
  unavailable,
} from '../../test/fake-capillary';
import { testRolesTable } from '../../test/roles-table';
import { testCommand, testPolicy, testRetry, testRouterConfig } from '../../test/sync-fixtures';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { KnownPrimaries } from '../capillary/known-primaries';
import { PartnerTiersCache } from '../capillary/partner-tiers.cache';
import { ProgramTiersCache } from '../capillary/program-tiers.cache';
import { type SyncPolicy } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { GroupMembershipReader } from './group-membership.reader';
import { GroupSyncService } from './group-sync.service';
import { MemberSyncRunner } from './member-sync.runner';
import { PartnerSyncRunner } from './partner-sync.runner';
import { RolesWriteError } from './roles-write.error';
import { RunJournal } from './run-journal';
import { SyncTargetResolver } from './sync-target.resolver';

const GROUP = 100;
const signal = new AbortController().signal;

/** Primary 1 on Gold (2); secondaries: 2 on Silver, 3 on Platinum, 4 on Gold, 5 exited on Silver. */
function setup(policy: Partial<SyncPolicy> = {}) {
  const api = new FakeCapillary().group(
    GROUP,
    1,
    [
      { id: 2, tier: 1 },
      { id: 3, tier: 3 },
      { id: 4, tier: 2 },
      { id: 5, tier: 1, active: false },
    ],
    2,
  );
  const config = { router: testRouterConfig(), sync: testPolicy(policy) };
  const retry = testRetry(config.sync);
  const metrics = new SyncMetrics();
  const { table: roles, publisher: rolesPublisher } = testRolesTable(config, Date.now, metrics);
  const known = new KnownPrimaries();
  const service = new GroupSyncService(
    api,
    config,
    known,
    new MemberSyncRunner(api, config, retry),
    new GroupMembershipReader(api, metrics, retry, new GroupSnapshots()),
    new PartnerSyncRunner(api, config, metrics, new PartnerTiersCache(api, config), retry),
    retry,
    roles,
    new SyncTargetResolver(config, new ProgramTiersCache(api, config)),
  );
  const byId = (outcome: Awaited<ReturnType<GroupSyncService['run']>>) =>
    Object.fromEntries(outcome.members.map((m) => [m.customerId, `${m.action}/${m.status}`]));
  return { api, known, roles, rolesPublisher, metrics, service, byId };
}

describe(GroupSyncService.name, () => {
  it("mirrors the primary's current tier onto every active secondary", async () => {
    const { api, service, byId } = setup();
    const outcome = await service.run(testCommand(), { signal });
    expect(outcome.target).toEqual({ number: 2, name: 'Gold' });
    expect(byId(outcome)).toEqual({
      2: 'UPGRADE/ADJUSTED',
      3: 'DOWNGRADE/ADJUSTED',
      4: 'NONE/UNCHANGED',
      5: 'NONE/SKIPPED',
    });
    expect([2, 3, 4, 5].map((id) => api.tiers.get(id))).toEqual([2, 2, 2, 1]);
    // the group (its rows are the members) + primary + three active secondaries read + two adjustments
    expect(api.calls).toHaveLength(1 + 1 + 3 + 2);
    expect(api.callsOf('getGroup')).toHaveLength(1);
    expect(api.callsOf('getGroupMembers')).toHaveLength(0);
  });

  it('journals one intent for every write of a run whose members are read first', async () => {
    const { api, service } = setup({ upgradeWithoutRead: false });
    const read = api.getCustomerLoyalty.bind(api);
    // Member 3's read answers last, well after member 2 has decided to write.
    api.getCustomerLoyalty = async (id) => {
      await new Promise((resolve) => setTimeout(resolve, id === 3 ? 30 : 0));
      return read(id);
    };
    const intents: number[][] = [];
    const journal = new RunJournal(
      { command: testCommand(), runId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', leaseMs: 500 },
      (intent) => {
        intents.push(intent.members.map((m) => m.customerId));
        return Promise.resolve();
      },
      Date.now,
    );
    const outcome = await service.run(testCommand(), { signal }, journal);
    expect(outcome.members.filter((m) => m.status === 'ADJUSTED')).toHaveLength(2);
    expect(intents.map((ids) => [...ids].sort())).toEqual([[2, 3]]);
  });

  it('remembers the primary it read, so a later "leads no group" answer is caught as a contradiction', async () => {
    const { known, service } = setup();
    await service.run(testCommand(), { signal });
    expect(known.groupOf(1)).toBe(GROUP);
  });

  it('leaves members above the primary alone under upgrade-only', async () => {
    const { service, byId } = setup({ downgradePolicy: 'upgrade-only' });
    expect(byId(await service.run(testCommand(), { signal }))[3]).toBe('NONE/UNCHANGED');
  });

  it('renews members already on the target when the primary renewed', async () => {
    const { service, byId } = setup();
    const command = testCommand({ trigger: { action: 'RENEWAL', eventName: 'tierRenewed', occurredAt: 1 } });
    expect(byId(await service.run(command, { signal }))[4]).toBe('RENEWAL/ADJUSTED');
  });

  it('targets the CURRENT tier, not the (stale) event tier, by default', async () => {
    const { service } = setup();
    const stale = testCommand({
      trigger: { action: 'UPGRADE', tierNumber: 3, tierName: 'Platinum', occurredAt: 1 },
    });
    expect((await service.run(stale, { signal })).target).toEqual({ number: 2, name: 'Gold' });
  });

  it("trusts the event's tier with SYNC_TARGET=event, naming it from the tier map when the payload could not", async () => {
    const { api, service } = setup({ target: 'event' });
    const command = testCommand({ trigger: { action: 'UPGRADE', tierNumber: 3, occurredAt: 1 } });
    const outcome = await service.run(command, { signal });
    expect(outcome.target).toEqual({ number: 3, name: 'Platinum' });
    expect(api.callsOf('getProgramTiers')).toHaveLength(1);
    // The primary is not read at all: nothing needs it.
    expect(api.callsOf('getCustomerLoyalty').map((c) => c.id)).toEqual([2, 3, 4]);
  });

  it('aligns the expiry to the primary when configured', async () => {
    const { api, service } = setup({
      validity: { kind: 'AS_PER_TIER_STRATEGY', alignToPrimary: true, reassessOnNextActivity: false },
    });
    api.expiry.set(1, '2026-08-19T23:59:59+05:30');
    await service.run(testCommand(), { signal });
    expect(api.callsOf('manualSlabAdjustment')[0]?.body).toMatchObject({
      manualSlabActionValidity: 'SPECIFIC_DATE',
      manualSlabActionValidityUpto: '2026-08-19',
    });
  });

  it('syncs only the named members of a join or a retry', async () => {
    const { api, service, byId } = setup();
    const outcome = await service.run(testCommand({ kind: 'JOIN_SYNC', memberIds: [3] }), { signal });
    expect(byId(outcome)).toEqual({ 3: 'DOWNGRADE/ADJUSTED' });
    expect(api.callsOf('manualSlabAdjustment').map((c) => c.id)).toEqual([3]);
  });

  it('records the roles of the group it read before adjusting anyone', async () => {
    const { api, roles, rolesPublisher, service } = setup();
    const adjustmentsBeforeWrite: number[] = [];
    rolesPublisher.onPublish = () => adjustmentsBeforeWrite.push(api.callsOf('manualSlabAdjustment').length);
    const command = testCommand();
    await service.run(command, { signal });
    expect(roles.get(1)).toMatchObject({ role: 'PRIMARY', groupId: GROUP, source: 'group-read' });
    expect(roles.get(2)).toMatchObject({
      role: 'SECONDARY',
      groupId: GROUP,
      primaryCustomerId: 1,
      commandId: command.commandId,
    });
    expect(roles.get(5)).toBeUndefined();
    expect(adjustmentsBeforeWrite).toEqual([0, 0, 0, 0]);
  });

  it('throws, adjusting no one, when Kafka does not take the roles it read: the consumer retries the command', async () => {
    const { api, rolesPublisher, service } = setup();
    rolesPublisher.failure = new KafkaUnavailableError('queue-full');
    await expect(service.run(testCommand(), { signal })).rejects.toThrow(RolesWriteError);
    expect(api.callsOf('manualSlabAdjustment')).toEqual([]);
  });

  it('ignores a command whose customer no longer leads the group, and forgets them as its primary', async () => {
    const { roles, rolesPublisher, service } = setup();
    await roles.observeLookup(9, GROUP);
    const outcome = await service.run(testCommand({ primaryCustomerId: 9 }), { signal });
    expect(outcome.ignored).toBe(`customer 9 does not lead group ${GROUP}: its primary is 1`);
    expect(roles.get(9)).toBeUndefined();
    expect(rolesPublisher.records.filter((r) => r.value === null).map((r) => r.key)).toEqual(['9']);
  });

  it('dry run: plans every member and writes nothing', async () => {
    const { api, service, byId } = setup({ dryRun: true });
    const outcome = await service.run(testCommand(), { signal });
    expect(byId(outcome)).toEqual({
      2: 'UPGRADE/PLANNED',
      3: 'DOWNGRADE/PLANNED',
      4: 'NONE/PLANNED',
      5: 'NONE/SKIPPED',
    });
    expect(api.callsOf('manualSlabAdjustment')).toHaveLength(0);
  });

  it('keeps going for the other members when one fails', async () => {
    const { api, service, byId } = setup();
    api.fail('manualSlabAdjustment', 2, permanent(3045));
    const outcome = await service.run(testCommand(), { signal });
    expect(byId(outcome)[2]).toBe('UPGRADE/FAILED');
    expect(byId(outcome)[3]).toBe('DOWNGRADE/ADJUSTED');
  });

  it('returns a retryable group failure when the members cannot be read', async () => {
    const { api, service } = setup();
    api.fail('getGroup', GROUP, unavailable(), unavailable(), unavailable(5));
    const outcome = await service.run(testCommand(), { signal });
    expect(outcome.failure).toMatchObject({
      note: 'group read failed',
      retryAfterMs: 5,
      error: { retryable: true },
    });
  });

  it('returns a permanent failure when the primary has no tier in the program', async () => {
    const { api, service } = setup();
    api.tiers.delete(1);
    const outcome = await service.run(testCommand(), { signal });
    expect(outcome.failure).toMatchObject({
      note: 'cannot sync',
      error: { retryable: false, message: `primary 1 has no tier in program ${PROGRAM_ID}` },
    });
  });

  describe('a partner update naming its tier by number only', () => {
    const partnerCommand = (tierNumber: number) =>
      testCommand({
        kind: 'PARTNER_SYNC',
        partner: { partnerProgramName: PARTNER_PROGRAM, tierNumber, updateType: 'UPGRADE' },
        trigger: { action: 'PARTNER_UPDATE', occurredAt: 1 },
      });

    it('leaves a lookup that keeps failing retryable, for the retry topic', async () => {
      const { api, service } = setup();
      api.fail('getOrganizationPrograms', 0, unavailable(), unavailable(), unavailable());
      const outcome = await service.run(partnerCommand(2), { signal });
      expect(outcome.failure).toMatchObject({ error: { status: 503, retryable: true } });
      expect(api.callsOf('updatePartnerPrograms')).toHaveLength(0);
    });

    it('fails permanently, with the program and number as the reason, for an unknown number', async () => {
      const { service } = setup();
      const outcome = await service.run(partnerCommand(8), { signal });
      expect(outcome.failure).toMatchObject({
        note: 'cannot sync',
        error: {
          retryable: false,
          message: `partner program ${PARTNER_PROGRAM} has no tier 8 in GET /v2/organization/programs`,
        },
      });
    });
  });

  it('rethrows when the consumer abandons the command', async () => {
    const { api, service } = setup();
    const controller = new AbortController();
    api.fail('getGroup', GROUP, unavailable());
    const run = service.run(testCommand(), { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
