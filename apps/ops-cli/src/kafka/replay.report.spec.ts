import { describeReplay, type ReplayReport } from './replay.report';

const report: ReplayReport = {
  topic: 'tiersync.webhook-events.v1',
  consumerGroup: 'tiersync.tier-sync',
  dryRun: true,
  toTime: '2025-06-01T08:00:00.000Z',
  group: {
    groupId: 'tiersync.tier-sync',
    state: 'Stable',
    members: [{ memberId: 'm', clientId: 'c', clientHost: 'h' }],
  },
  applied: false,
  partitions: [
    { partition: 0, low: 0, high: 50, committed: 40, target: 10, again: 30, skipped: 0, toHandle: 40 },
  ],
  totals: { again: 30, skipped: 0, toHandle: 40 },
};

describe(describeReplay.name, () => {
  it('shows the plan per partition and what a real run would need', () => {
    const text = describeReplay(report);
    expect(text).toContain(
      'Would move consumer group tiersync.tier-sync on tiersync.webhook-events.v1 to 2025-06-01T08:00:00.000Z',
    );
    expect(text).toMatch(/0\s+0\s+40\s+10\s+50\s+30\s+0\s+40/);
    expect(text).toContain('Total: 30 handled again, 0 skipped, 40 to handle');
    expect(text).toContain('the move would be refused (exit 3) until tier-sync is stopped or scaled to 0');
  });

  it('reports a move that was applied, with no refusal hint', () => {
    const text = describeReplay({
      ...report,
      dryRun: false,
      applied: true,
      group: { ...report.group, members: [] },
    });
    expect(text).toContain('Moved consumer group');
    expect(text).not.toContain('refused');
  });
});
