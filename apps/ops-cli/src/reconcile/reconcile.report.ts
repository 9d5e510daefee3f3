import { renderTable } from '../cli/table';
import { type GroupReport, type ReconcileOptions } from './reconciler';

export interface ReconcileReport {
  dryRun: boolean;
  checked: boolean;
  policy: string;
  programIds: readonly number[];
  commandTopic: string;
  totals: {
    groups: number;
    inStep: number;
    drifted: number;
    unchecked: number;
    skipped: number;
    failed: number;
    driftedMembers: number;
    commands: number;
  };
  groups: GroupReport[];
}

export function summarise(
  reports: readonly GroupReport[],
  options: ReconcileOptions & { topic: string },
): ReconcileReport {
  const count = (status: GroupReport['status']) => reports.filter((r) => r.status === status).length;
  return {
    dryRun: options.dryRun,
    checked: options.check,
    policy: options.policy,
    programIds: options.programIds,
    commandTopic: options.topic,
    totals: {
      groups: reports.length,
      inStep: count('in-step'),
      drifted: count('drifted'),
      unchecked: count('unchecked'),
      skipped: count('skipped'),
      failed: count('failed'),
      driftedMembers: reports.reduce((sum, r) => sum + (r.drift?.driftedMembers ?? 0), 0),
      commands: reports.reduce((sum, r) => sum + r.commands.length, 0),
    },
    groups: [...reports].sort((a, b) => a.groupId - b.groupId),
  };
}

export function describeReconcile(report: ReconcileReport): string {
  const t = report.totals;
  const lines = [
    `${t.groups} group(s): ${t.inStep} in step, ${t.drifted} drifted (${t.driftedMembers} member(s)), ` +
      `${t.unchecked} unchecked, ${t.skipped} skipped, ${t.failed} failed.`,
  ];
  const rows = report.groups.flatMap((g) =>
    (g.drift?.programs ?? []).flatMap((p) =>
      p.drifted.map((m) => [
        g.groupId,
        p.programId,
        g.drift?.primaryCustomerId,
        `${p.primaryTier.name} (${p.primaryTier.number})`,
        m.customerId,
        m.tier ? `${m.tier.name} (${m.tier.number})` : null,
        m.direction,
      ]),
    ),
  );
  if (rows.length > 0) {
    lines.push(
      '',
      renderTable(['group', 'program', 'primary', 'primary tier', 'member', 'member tier', 'drift'], rows),
    );
  }
  for (const g of report.groups.filter((r) => r.status === 'skipped' || r.status === 'failed')) {
    lines.push(`group ${g.groupId} ${g.status}: ${g.reason ?? ''}`);
  }
  lines.push(
    '',
    report.dryRun
      ? 'Dry run: nothing written.'
      : `${t.commands} RECONCILE command(s) written to ${report.commandTopic}.`,
  );
  return lines.join('\n');
}
