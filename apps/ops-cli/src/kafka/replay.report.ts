import { type ConsumerGroupView } from '@tiersync/kafka';
import { renderTable } from '../cli/table';
import { type ReplayPlan } from './replay-plan';

export interface ReplayReport extends ReplayPlan {
  topic: string;
  consumerGroup: string;
  dryRun: boolean;
  toTime: string | null;
  group: ConsumerGroupView;
  applied: boolean;
}

export function describeReplay(report: ReplayReport): string {
  const verb = report.dryRun ? 'Would move' : 'Moved';
  const lines = [
    `${verb} consumer group ${report.consumerGroup} on ${report.topic}` +
      (report.toTime ? ` to ${report.toTime}` : ' to explicit offsets'),
    `Group state: ${report.group.state}, ${report.group.members.length} live member(s)`,
    '',
    renderTable(
      [
        'partition',
        'log start',
        'committed',
        'target',
        'high watermark',
        'handled again',
        'skipped',
        'to handle',
      ],
      report.partitions.map((p) => [
        p.partition,
        p.low,
        p.committed,
        p.target,
        p.high,
        p.again,
        p.skipped,
        p.toHandle,
      ]),
    ),
    '',
    `Total: ${report.totals.again} handled again, ${report.totals.skipped} skipped, ${report.totals.toHandle} to handle`,
  ];
  if (report.dryRun && report.group.members.length > 0) {
    lines.push(
      'The group has live members: the move would be refused (exit 3) until tier-sync is stopped or scaled to 0.',
    );
  }
  if (report.dryRun && report.totals.skipped > 0) {
    lines.push('This moves forward past unhandled records: it needs --allow-skip.');
  }
  return lines.join('\n');
}
