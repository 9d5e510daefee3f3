import { Logger } from '@nestjs/common';
import { KafkaUnavailableError } from '@tiersync/kafka';
import { capillarySamples, parseEvent } from '@tiersync/tier-events';
import { CapturePublisher } from '../../test/capture-publisher';
import { FakeCapillary, permanent, PROGRAM_ID, unavailable } from '../../test/fake-capillary';
import { metricSeries } from '../../test/metric-series';
import { testRolesTable } from '../../test/roles-table';
import { testPolicy, testRetry, testRouterConfig } from '../../test/sync-fixtures';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { KnownPrimaries } from '../capillary/known-primaries';
import { type Clock } from '../clock';
import { type TierSyncConfig } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { NO_GROUP_TTL_MS } from '../sync/roles-view';
import { RolesWriteError } from '../sync/roles-write.error';
import { DedupeWindow } from './dedupe-window';
import { EventRouterService } from './event-router.service';
import { GroupLeaderLookup } from './group-leader.lookup';
import { IgnoredRecorder } from './ignored.recorder';

const GROUP = 3918893;
const PRIMARY = 566998132;
const SECONDARY = 567219877;
const COMMAND_ID = '0b9f7c1e-2f4e-4d53-9a43-8f3f2f1f6b11';
const MEMBERS = [
  { customerId: PRIMARY, primaryMember: true, active: true },
  { customerId: SECONDARY, primaryMember: false, active: true },
];

function setup(routing: Partial<TierSyncConfig['router']> = {}, clock: Clock = Date.now) {
  const api = new FakeCapillary().group(GROUP, PRIMARY, [{ id: SECONDARY, tier: 1 }], 2);
  const config = { router: testRouterConfig(routing), sync: testPolicy() };
  const known = new KnownPrimaries();
  const snapshots = new GroupSnapshots();
  const publisher = new CapturePublisher();
  const decisions: string[] = [];
  const ignored: string[] = [];
  const resolutions: string[] = [];
  const metrics = new SyncMetrics();
  const { table: roles, publisher: rolesPublisher } = testRolesTable(config, clock, metrics);
  const retry = testRetry(config.sync, Math.random);
  const router = new EventRouterService(
    api,
    new DedupeWindow(config),
    known,
    new GroupLeaderLookup(
      api,
      known,
      {
        recordContradiction: (check) => {
          metrics.recordContradiction(check);
        },
        recordResolution: (resolution) => {
          resolutions.push(resolution);
          metrics.recordResolution(resolution);
        },
        setNoGroupStreak: (events) => {
          metrics.setNoGroupStreak(events);
        },
        roles: metrics.roles,
      },
      retry,
      roles,
      snapshots,
    ),
    {
      recordRoute: (d) => decisions.push(d),
      recordIgnored: (reason) => {
        ignored.push(reason);
        metrics.recordIgnored(reason);
      },
    },
    publisher,
    new IgnoredRecorder(publisher, config),
    retry,
    roles,
    snapshots,
  );
  let offset = 0;
  const route = (raw: Record<string, unknown>, at = String(offset++), extra: Record<string, string> = {}) =>
    router.route(parseEvent(raw), {
      partition: 0,
      offset: at,
      headers: { receivedAt: '1700000000000', traceId: 't-1', ...extra },
      timestamp: String(Date.now()),
      signal: new AbortController().signal,
    });
  return {
    api,
    roles,
    rolesPublisher,
    known,
    metrics,
    publisher,
    decisions,
    ignored,
    resolutions,
    route,
    snapshots,
  };
}

let eventSequence = 0;
const fresh = (raw: Record<string, unknown>) => ({ ...raw, eventId: `fresh-${++eventSequence}` });

describe(EventRouterService.name, () => {
  it("turns a primary's tier event into a TIER_SYNC command keyed by its group", async () => {
    const { publisher, ignored, resolutions, route } = setup();
    expect(await route(capillarySamples.tierUpgraded(PRIMARY))).toBe('command');
    expect(resolutions).toEqual(['group']);
    expect(ignored).toEqual([]);
    const [{ value, headers }] = publisher.commands as [(typeof publisher.commands)[number]];
    expect(value).toMatchObject({
      kind: 'TIER_SYNC',
      groupId: GROUP,
      primaryCustomerId: PRIMARY,
      programId: 978,
      attempt: 0,
      provenance: { source: 'webhook' },
      trigger: { action: 'UPGRADE', tierNumber: 2, tierName: 'Gold', eventName: 'tierUpgraded' },
    });
    expect(headers).toMatchObject({ receivedAt: '1700000000000', traceId: 't-1', eventName: 'tierUpgraded' });
  });

  it('ignores a customer who leads no group, and asks Capillary only once per TTL', async () => {
    const { api, publisher, decisions, ignored, resolutions, route } = setup();
    const other = { ...capillarySamples.tierUpgraded(42), eventId: 'e-a' };
    expect(await route(other)).toBe('ignored');
    expect(await route({ ...other, eventId: 'e-b' })).toBe('ignored');
    expect(api.callsOf('findGroupLedBy')).toHaveLength(1);
    expect(publisher.commands).toHaveLength(0);
    expect(decisions).toEqual(['ignored', 'ignored']);
    expect(ignored).toEqual(['leads_no_group', 'leads_no_group']);
    expect(resolutions).toEqual(['no_group', 'no_group']);
  });

  it('counts every ignored event by reason and every customer event by how it resolved', async () => {
    const { roles, metrics, route } = setup();
    await roles.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    await route(fresh(capillarySamples.tierUpgraded(42)));
    await route(fresh(capillarySamples.tierUpgraded(SECONDARY)));
    await route(fresh(capillarySamples.tierUpgraded(PRIMARY)));
    await route(fresh(capillarySamples.groupMemberRemoved(GROUP, PRIMARY, SECONDARY)));
    expect(await metricSeries(metrics, 'tiersync_router_ignored_total')).toEqual({
      'reason=leads_no_group': 1,
      'reason=secondary_echo': 1,
      'reason=member_left': 1,
    });
    expect(await metricSeries(metrics, 'tiersync_router_customer_events_total')).toEqual({
      'resolution=no_group': 1,
      'resolution=secondary_echo': 1,
      'resolution=group': 1,
    });
  });

  it('throws when Kafka does not take the role a lookup answered, so the consumer retries the event', async () => {
    const { publisher, rolesPublisher, route } = setup();
    rolesPublisher.failure = new KafkaUnavailableError('queue-full');
    await expect(route(capillarySamples.tierUpgraded(PRIMARY))).rejects.toThrow(RolesWriteError);
    expect(publisher.commands).toEqual([]);
  });

  it('keeps "leads no group" for at most a minute, whatever the group cache TTL', async () => {
    let now = 1;
    const { api, route } = setup({ groupCacheTtlMs: 600_000 }, () => now);
    await route({ ...capillarySamples.tierUpgraded(42), eventId: 'e-a' });
    now += NO_GROUP_TTL_MS - 1;
    await route({ ...capillarySamples.tierUpgraded(42), eventId: 'e-b' });
    expect(api.callsOf('findGroupLedBy')).toHaveLength(1);
    now += 2;
    await route({ ...capillarySamples.tierUpgraded(42), eventId: 'e-c' });
    expect(api.callsOf('findGroupLedBy')).toHaveLength(2);
  });

  it('syncs a primary named by a join event through its group when the lookup says "no group", loudly', async () => {
    const { api, metrics, publisher, route } = setup();
    jest.spyOn(api, 'findGroupLedBy').mockResolvedValue(null);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await route(fresh(capillarySamples.groupMemberAdded(GROUP, PRIMARY, SECONDARY)));
    expect(await route(fresh(capillarySamples.tierUpgraded(PRIMARY)))).toBe('command');
    expect(publisher.commands.at(-1)?.value).toMatchObject({ kind: 'TIER_SYNC', groupId: GROUP });
    expect(api.callsOf('getGroup')).toHaveLength(1);
    expect(await metricSeries(metrics, 'tiersync_capillary_contradictions_total')).toEqual({
      'check=primary_lookup': 1,
    });
    expect(await metricSeries(metrics, 'tiersync_router_customer_events_total')).toEqual({
      'resolution=known_primary': 1,
    });
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ customerId: PRIMARY, groupId: GROUP }));
    error.mockRestore();
  });

  it('logs an error when 1,000 events in a row resolve to no group, and resets the streak on a group', async () => {
    const { metrics, route } = setup();
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    for (let i = 0; i < 1_000; i++) {
      await route(fresh(capillarySamples.tierUpgraded(42)));
    }
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ eventsInARow: 1_000 }));
    expect(await metricSeries(metrics, 'tiersync_router_no_group_streak')).toEqual({ '': 1_000 });
    await route(fresh(capillarySamples.tierUpgraded(PRIMARY)));
    expect(await metricSeries(metrics, 'tiersync_router_no_group_streak')).toEqual({});
    error.mockRestore();
    log.mockRestore();
  });

  it('forgets a known primary the group no longer shows as its primary, and ignores the event', async () => {
    const { api, known, route } = setup();
    jest.spyOn(api, 'findGroupLedBy').mockResolvedValue(null);
    known.remember(SECONDARY, GROUP);
    expect(await route(capillarySamples.tierUpgraded(SECONDARY))).toBe('ignored');
    expect(known.groupOf(SECONDARY)).toBeUndefined();
  });

  it('ignores the echo of our own adjustment with zero calls, recording it against the group', async () => {
    const { api, roles, publisher, ignored, route } = setup();
    await roles.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(await route(capillarySamples.tierUpgraded(SECONDARY))).toBe('ignored');
    expect(api.calls).toHaveLength(0);
    expect(ignored).toEqual(['secondary_echo']);
    expect(publisher.results[0]?.value).toMatchObject({
      outcome: 'IGNORED',
      groupId: GROUP,
      primaryCustomerId: PRIMARY,
      kind: 'TIER_SYNC',
      members: [],
    });
    expect(publisher.results[0]?.value.reason).toContain(`secondary of group ${GROUP}`);
  });

  it('drops a duplicate eventId but processes a redelivery of the original', async () => {
    const { publisher, decisions, route } = setup();
    const event = capillarySamples.tierUpgraded(PRIMARY);
    await route(event, '10');
    expect(await route(event, '10')).toBe('command');
    expect(await route(event, '11')).toBe('duplicate');
    expect(publisher.commands).toHaveLength(2);
    expect(decisions).toEqual(['command', 'command', 'duplicate']);
  });

  it('routes an event tier-sync requeued as a redelivery of the record it was first read from', async () => {
    const { publisher, decisions, route } = setup();
    const event = capillarySamples.tierUpgraded(PRIMARY);
    await route(event, '10');
    expect(await route(event, '57', { requeuedFrom: '0:10', requeueCount: '1' })).toBe('command');
    expect(await route(event, '58', { requeuedFrom: '0:11', requeueCount: '1' })).toBe('duplicate');
    expect(publisher.commands).toHaveLength(2);
    expect(decisions).toEqual(['command', 'command', 'duplicate']);
  });

  it('turns groupMemberAdded into a JOIN_SYNC for that member alone and forgets the group', async () => {
    const { roles, publisher, route } = setup();
    await roles.observeLookup(PRIMARY, GROUP);
    await roles.observeLookup(99, null);
    expect(await route(capillarySamples.groupMemberAdded(GROUP, PRIMARY, 99))).toBe('command');
    expect(publisher.commands.map((c) => c.value)).toEqual([
      expect.objectContaining({
        kind: 'JOIN_SYNC',
        groupId: GROUP,
        primaryCustomerId: PRIMARY,
        programId: PROGRAM_ID,
        memberIds: [99],
        trigger: expect.objectContaining({ action: 'JOIN' }) as unknown,
      }),
    ]);
    expect(roles.get(PRIMARY)).toBeUndefined();
    expect(roles.get(99)).toBeUndefined();
  });

  it('reads the group when a join event does not name the primary', async () => {
    const { api, publisher, route } = setup();
    const raw = capillarySamples.groupMemberAdded(GROUP, PRIMARY, 99);
    delete (raw['data'] as Record<string, unknown>)['primaryMember'];
    await route(raw);
    expect(api.callsOf('getGroup')).toHaveLength(1);
    expect(publisher.commands[0]?.value.primaryCustomerId).toBe(PRIMARY);
  });

  it('records a join to a group without an active primary, and a join of the primary itself, without a command', async () => {
    const { api, publisher, ignored, route } = setup();
    const group = await api.getGroup(GROUP);
    delete group.primaryUserId;
    jest.spyOn(api, 'getGroup').mockResolvedValue(group);
    const unnamed: Record<string, unknown> = fresh(capillarySamples.groupMemberAdded(GROUP, PRIMARY, 99));
    delete (unnamed['data'] as Record<string, unknown>)['primaryMember'];
    expect(await route(unnamed)).toBe('ignored');
    expect(await route(fresh(capillarySamples.groupMemberAdded(GROUP, PRIMARY, PRIMARY)))).toBe('ignored');
    expect(publisher.commands).toHaveLength(0);
    expect(ignored).toEqual(['no_active_primary', 'joiner_is_primary']);
    // An IGNORED result needs a primary, so only the second join is recorded as one; the first is logged.
    expect(publisher.results.map((r) => r.value.reason)).toEqual(['the member who joined is the primary']);
  });

  it('records a join whose primary is in no program, without a command', async () => {
    const { api, publisher, ignored, route } = setup();
    api.tiers.delete(PRIMARY);
    expect(await route(capillarySamples.groupMemberAdded(GROUP, PRIMARY, 99))).toBe('ignored');
    expect(publisher.commands).toHaveLength(0);
    expect(ignored).toEqual(['primary_in_no_program']);
    expect(publisher.results[0]?.value.reason).toContain('in no loyalty program');
  });

  it("keeps the group its lookup read for the sync, and drops it on the group's membership events", async () => {
    const { route, snapshots } = setup();
    await route(fresh(capillarySamples.tierUpgraded(PRIMARY)));
    expect(snapshots.fresh(GROUP)?.members.map((m) => m.userId)).toEqual([PRIMARY, SECONDARY]);
    await route(fresh(capillarySamples.groupMemberAdded(GROUP, PRIMARY, 99)));
    expect(snapshots.fresh(GROUP)).toBeUndefined();
  });

  it('learns the primary a leave event names, and forgets a primary who leaves', async () => {
    const { known, route } = setup();
    await route(fresh(capillarySamples.groupMemberRemoved(GROUP, PRIMARY, SECONDARY)));
    expect(known.groupOf(PRIMARY)).toBe(GROUP);
    await route(fresh(capillarySamples.groupMemberRemoved(GROUP, PRIMARY, PRIMARY)));
    expect(known.groupOf(PRIMARY)).toBeUndefined();
  });

  it('records a member leaving and invalidates the caches', async () => {
    const { roles, publisher, ignored, route } = setup();
    await roles.observeLookup(SECONDARY, null);
    expect(await route(capillarySamples.groupMemberRemoved(GROUP, PRIMARY, SECONDARY))).toBe('ignored');
    expect(ignored).toEqual(['member_left']);
    expect(roles.get(SECONDARY)).toBeUndefined();
    expect(publisher.results[0]?.value).toMatchObject({
      outcome: 'IGNORED',
      groupId: GROUP,
      primaryCustomerId: PRIMARY,
    });
    expect(publisher.results[0]?.value.reason).toContain(`member ${SECONDARY} left group ${GROUP}`);
  });

  it("turns a primary's partner update into a PARTNER_SYNC", async () => {
    const { publisher, route } = setup();
    const raw = capillarySamples.partnerProgramUpdated(PRIMARY);
    (raw['data'] as Record<string, unknown>)['partnerTierName'] = 'Gold';
    expect(await route(raw)).toBe('command');
    expect(publisher.commands[0]?.value).toMatchObject({
      kind: 'PARTNER_SYNC',
      groupId: GROUP,
      partner: { partnerProgramName: 'Demo-p1', tierName: 'Gold', updateType: 'UPGRADE' },
      trigger: { action: 'PARTNER_UPDATE' },
    });
  });

  it('rethrows a lookup that keeps failing retryably, so the consumer retries the event', async () => {
    const { api, route } = setup();
    api.fail('findGroupLedBy', PRIMARY, unavailable(), unavailable(), unavailable());
    await expect(route(capillarySamples.tierUpgraded(PRIMARY))).rejects.toMatchObject({ retryable: true });
    expect(api.callsOf('findGroupLedBy')).toHaveLength(3);
  });

  it('ignores a customer whose lookup fails permanently', async () => {
    const { api, ignored, resolutions, route } = setup();
    api.fail('findGroupLedBy', PRIMARY, permanent(8015));
    expect(await route(capillarySamples.tierUpgraded(PRIMARY))).toBe('ignored');
    expect(ignored).toEqual(['lookup_failed']);
    expect(resolutions).toEqual(['lookup_failed']);
  });

  it('counts an unhandled event and a group tier event as ignored, each with its reason', async () => {
    const { ignored, resolutions, route } = setup();
    const groupTier = capillarySamples.tierUpgraded(PRIMARY);
    const data = groupTier['data'] as Record<string, unknown>;
    data['entityInformation'] = { entityType: 'USERGROUP2', entityId: GROUP };
    expect(await route(groupTier)).toBe('ignored');
    expect(
      await route({ ...capillarySamples.tierUpgraded(PRIMARY), eventId: 'e-x', eventName: 'pointsIssued' }),
    ).toBe('ignored');
    expect(ignored).toEqual(['not_a_user', 'unhandled_event']);
    expect(resolutions).toEqual([]);
  });
});
