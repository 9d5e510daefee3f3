import { renderTable } from '../cli/table';
import { type DoctorReport, type Verdict } from './doctor.report';

const LABEL: Record<Verdict, string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

export function describeDoctor(report: DoctorReport): string {
  const parts = [`ops doctor: customer ${report.customerId}, ${report.auth} auth, read only`];
  if (report.groupRows) {
    parts.push(
      `GET /v2/userGroup2?id=${String(report.groupId)}, fleetGroupUsers as sent:`,
      renderTable(
        ['userId', 'primaryMember', 'active', 'defaultGroup'],
        report.groupRows.map((r) => [r.userId, r.primaryMember, r.active, r.defaultGroup]),
      ),
    );
  }
  if (report.membersList) {
    parts.push(
      'GET /v2/userGroup2/members as sent (read because the rows above are short):',
      renderTable(
        ['fleetUserId', 'primaryMember', 'inActive'],
        report.membersList.map((m) => [m.customerId, m.primaryMember, m.inActive]),
      ),
    );
  }
  if (report.reading) {
    const programs = report.programs.map((p) => p.programId);
    parts.push(
      "tier-sync's reading (primary, active, what a sync does, tier per program):",
      renderTable(
        ['customer', 'primary', 'active', 'tier-sync', ...programs.map((id) => `program ${id}`)],
        report.reading.map((m) => [
          m.customerId,
          m.primaryMember,
          m.active,
          m.tierSync,
          ...programs.map((id) => m.tiers[id]),
        ]),
      ),
    );
  }
  parts.push(report.checks.map((c) => `${LABEL[c.verdict]}  ${c.step.padEnd(11)}  ${c.message}`).join('\n'));
  const fails = report.checks.filter((c) => c.verdict === 'fail').length;
  const warns = report.checks.filter((c) => c.verdict === 'warn').length;
  parts.push(
    report.verdict === 'fail'
      ? `verdict: FAIL (${fails} failed, ${warns} warning(s)): tier-sync cannot sync this org safely as configured`
      : `verdict: ${report.verdict} (${warns} warning(s)): tier-sync can read this org as configured`,
  );
  return `${parts.join('\n\n')}\n`;
}
