import { readGroupMembership } from './group-membership.reading';
import { type GroupMember, type UserGroup } from './user-group.types';

/** Primary 1, secondaries 2 (active), 3 (exited), 4 (active); the group read lists the first `rows`. */
function groupOf(rows: number, groupStatus = 'ACTIVE'): UserGroup {
  const all = [
    { userId: 1, primaryMember: true, active: true, defaultGroup: true },
    { userId: 2, primaryMember: false, active: true, defaultGroup: true },
    { userId: 3, primaryMember: false, active: false, defaultGroup: false },
    { userId: 4, primaryMember: false, active: true, defaultGroup: true },
  ];
  return {
    id: 7,
    groupName: 'g',
    groupStatus,
    members: all.slice(0, rows),
    totalActiveMembers: 3,
    totalExitedMembers: 1,
    pointsSummaries: [],
  };
}

const member = (customerId: number, inActive: boolean | undefined, primaryMember = false): GroupMember => ({
  customerId,
  role: primaryMember ? 'PRIMARY' : 'SECONDARY',
  primaryMember,
  ...(inActive === undefined ? {} : { inActive }),
});

function lister(listed: GroupMember[]) {
  const calls: number[] = [];
  return {
    calls,
    list: () => {
      calls.push(1);
      return Promise.resolve(listed);
    },
  };
}

describe(readGroupMembership.name, () => {
  it("reads the group's own rows only, when they hold every active member", async () => {
    const { calls, list } = lister([]);
    const reading = await readGroupMembership(groupOf(4), list);
    expect(reading).toEqual({
      kind: 'read',
      members: [
        { customerId: 1, primaryMember: true, active: true },
        { customerId: 2, primaryMember: false, active: true },
        { customerId: 3, primaryMember: false, active: false },
        { customerId: 4, primaryMember: false, active: true },
      ],
    });
    expect(calls).toEqual([]);
  });

  it('completes short rows from the members list when its inActive agrees (true = active)', async () => {
    const listed = [member(1, true, true), member(2, true), member(3, false), member(4, true)];
    const reading = await readGroupMembership(groupOf(2), lister(listed).list);
    expect(reading.kind).toBe('read');
    expect(reading.listed).toEqual(listed);
    expect(reading.kind === 'read' && reading.members.map((m) => [m.customerId, m.active])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
  });

  it.each([
    [
      'inActive read the other way (true = inactive)',
      2,
      [member(1, false, true), member(2, false), member(4, false)],
      '(1 inActive=false, 2 inActive=false)',
    ],
    ['inActive absent', 2, [member(1, undefined, true), member(4, undefined)], '(1 inActive=undefined, 4'],
    ['a primary reported inactive beyond the rows', 0, [member(1, false, true)], '(1 inActive=false)'],
  ])('is a contradiction, naming the reading, when %s', async (_, rows, listed, named) => {
    const reading = await readGroupMembership(groupOf(rows), lister(listed).list);
    expect(reading).toEqual({
      kind: 'contradiction',
      reason: expect.stringContaining(named) as unknown,
      listed,
    });
    expect(reading.kind === 'contradiction' && reading.reason).toContain(
      'GET /v2/userGroup2/members contradicts it when inActive is read as true = active',
    );
  });
});
