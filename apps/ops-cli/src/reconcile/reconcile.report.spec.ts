import { describeReconcile, summarise } from './reconcile.report';
import { type GroupReport } from './reconciler';

const drifted: GroupReport = {
  groupId: 2,
  status: 'drifted',
  commands: [{ commandId: 'c', programId: 973 }],
  drift: {
    groupId: 2,
    groupName: 'Family 2',
    primaryCustomerId: 200,
    driftedMembers: 1,
    programs: [
      {
        programId: 973,
        primaryTier: { number: 2, name: 'Gold' },
        inStep: 2,
        drifted: [{ customerId: 201, tier: { number: 1, name: 'Silver' }, direction: 'below' }],
      },
    ],
  },
};
const reports: GroupReport[] = [
  drifted,
  { groupId: 1, status: 'in-step', commands: [] },
  { groupId: 3, status: 'skipped', reason: 'group status is INACTIVE', commands: [] },
  { groupId: 4, status: 'failed', reason: 'timeout', commands: [] },
];

describe(summarise.name, () => {
  it('counts groups by status, drifted members and commands, sorted by group', () => {
    const report = summarise(reports, {
      policy: 'mirror',
      programIds: [],
      check: true,
      dryRun: false,
      topic: 't',
    });
    expect(report.totals).toEqual({
      groups: 4,
      inStep: 1,
      drifted: 1,
      unchecked: 0,
      skipped: 1,
      failed: 1,
      driftedMembers: 1,
      commands: 1,
    });
    expect(report.groups.map((g) => g.groupId)).toEqual([1, 2, 3, 4]);
    const text = describeReconcile(report);
    expect(text).toMatch(/2\s+973\s+200\s+Gold \(2\)\s+201\s+Silver \(1\)\s+below/);
    expect(text).toContain('group 3 skipped: group status is INACTIVE');
    expect(text).toContain('group 4 failed: timeout');
    expect(text).toContain('1 RECONCILE command(s) written to t.');
  });
});
