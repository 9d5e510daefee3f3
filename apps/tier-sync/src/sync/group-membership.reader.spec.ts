import { type GroupMember, type UserGroup } from '@tiersync/capillary-client';
import { testRetry } from '../../test/sync-fixtures';
import { GROUP_SNAPSHOT_MAX_ROWS, GroupSnapshots } from '../capillary/group-snapshots';
import { SyncMetrics } from '../observability/sync.metrics';
import { GroupMembershipReader } from './group-membership.reader';
import { SyncFailure } from './sync-failure.error';

const signal = new AbortController().signal;

/** Primary 1, secondary 2 active, 3 exited; `rows` of them listed by the group read. */
function setup(rows: number, listed: GroupMember[], groupStatus = 'ACTIVE', clock = Date.now) {
  const all = [
    { userId: 1, primaryMember: true, active: true, defaultGroup: true },
    { userId: 2, primaryMember: false, active: true, defaultGroup: true },
    { userId: 3, primaryMember: false, active: false, defaultGroup: false },
    { userId: 4, primaryMember: false, active: true, defaultGroup: true },
  ];
  const group: UserGroup = {
    id: 7,
    groupName: 'g',
    groupStatus,
    members: all.slice(0, rows),
    totalActiveMembers: 3,
    totalExitedMembers: 1,
    pointsSummaries: [],
  };
  const calls: string[] = [];
  const api = {
    getGroup: () => {
      calls.push('getGroup');
      return Promise.resolve(group);
    },
    getGroupMembers: () => {
      calls.push('getGroupMembers');
      return Promise.resolve(listed);
    },
  };
  const metrics = new SyncMetrics();
  const snapshots = new GroupSnapshots(clock);
  return {
    calls,
    group,
    metrics,
    snapshots,
    sut: new GroupMembershipReader(api, metrics, testRetry(), snapshots),
  };
}

const member = (customerId: number, inActive: boolean | undefined, primaryMember = false): GroupMember => ({
  customerId,
  role: primaryMember ? 'PRIMARY' : 'SECONDARY',
  primaryMember,
  ...(inActive === undefined ? {} : { inActive }),
});

const contradictions = async (metrics: SyncMetrics) =>
  (await metrics.registry.getSingleMetric('tiersync_capillary_contradictions_total')?.get())?.values ?? [];

describe(GroupMembershipReader.name, () => {
  it("reads the group's own rows only, when they hold every active member", async () => {
    const { calls, sut } = setup(4, []);
    const { members } = await sut.read({ groupId: 7, attempt: 0 }, signal);
    expect(members.map((m) => [m.customerId, m.active])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(calls).toEqual(['getGroup']);
  });

  it('uses the group the router read a moment ago instead of reading it again', async () => {
    const { calls, group, snapshots, sut } = setup(4, []);
    snapshots.remember(group);
    expect((await sut.read({ groupId: 7, attempt: 0 }, signal)).members).toHaveLength(4);
    expect(calls).toEqual([]);
  });

  describe('the group a command carries from the instance that routed it', () => {
    let now = 1_700_000_000_000;
    const clock = () => now;
    /** What another instance's router attached after its lookup read the group. */
    function carried(group: UserGroup) {
      const routerSide = new GroupSnapshots(clock);
      routerSide.remember(group);
      return routerSide.toCarry(group.id);
    }

    it('is used by the first run, on an instance that never read the group', async () => {
      const { calls, group, sut } = setup(4, [], 'ACTIVE', clock);
      const groupSnapshot = carried(group);
      now += 4_000;
      const { members } = await sut.read({ groupId: 7, attempt: 0, groupSnapshot }, signal);
      expect(members.map((m) => [m.customerId, m.active])).toEqual([
        [1, true],
        [2, true],
        [3, false],
        [4, true],
      ]);
      expect(calls).toEqual([]);
    });

    it('is completed from the members list like a read whose rows are short', async () => {
      const listed = [member(1, true, true), member(2, true), member(3, false), member(4, true)];
      const { calls, group, sut } = setup(2, listed, 'ACTIVE', clock);
      const groupSnapshot = carried(group);
      expect((await sut.read({ groupId: 7, attempt: 0, groupSnapshot }, signal)).members).toHaveLength(4);
      expect(calls).toEqual(['getGroupMembers']);
    });

    it('is not trusted by a retry, nor once older than a kept group', async () => {
      const { calls, group, sut } = setup(4, [], 'ACTIVE', clock);
      const groupSnapshot = carried(group);
      await sut.read({ groupId: 7, attempt: 1, groupSnapshot }, signal);
      now += 5_001;
      await sut.read({ groupId: 7, attempt: 0, groupSnapshot }, signal);
      expect(calls).toEqual(['getGroup', 'getGroup']);
    });

    it('is not attached for a group too large to travel in a command', () => {
      const { group } = setup(4, [], 'ACTIVE', clock);
      const rows = Array.from({ length: GROUP_SNAPSHOT_MAX_ROWS + 1 }, (_, i) => ({
        userId: i + 1,
        primaryMember: i === 0,
        active: true,
        defaultGroup: true,
      }));
      expect(carried({ ...group, members: rows })).toBeUndefined();
      expect(carried(group)?.members).toHaveLength(4);
    });
  });

  it('completes short rows from the members list when its inActive agrees (true = active)', async () => {
    const listed = [member(1, true, true), member(2, true), member(3, false), member(4, true)];
    const { calls, sut } = setup(2, listed);
    const { members } = await sut.read({ groupId: 7, attempt: 0 }, signal);
    expect(members.map((m) => [m.customerId, m.active])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(calls).toEqual(['getGroup', 'getGroupMembers']);
  });

  it.each([
    [
      'inActive read the other way (true = inactive)',
      [member(1, false, true), member(2, false), member(4, false)],
    ],
    ['inActive absent', [member(1, undefined, true), member(2, undefined), member(4, undefined)]],
  ])('fails permanently, counted, when %s contradicts the group', async (_, listed) => {
    const { metrics, sut } = setup(2, listed);
    const failure = await sut.read({ groupId: 7, attempt: 0 }, signal).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as Error).message).toContain('GET /v2/userGroup2/members contradicts it');
    expect(await contradictions(metrics)).toEqual([
      expect.objectContaining({ labels: { check: 'members_inactive' }, value: 1 }),
    ]);
  });

  it('fails on a primary reported inactive in an ACTIVE group even where the rows do not list it', async () => {
    const listed = [member(1, false, true), member(2, true), member(4, true)];
    const { sut } = setup(0, listed);
    await expect(sut.read({ groupId: 7, attempt: 0 }, signal)).rejects.toThrow(/1 inActive=false/);
  });
});
