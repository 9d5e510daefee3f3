import { type SimSeed } from '@tiersync/capillary-sim';

export interface MemberRow {
  customer: string;
  role: string;
  status: string;
  tier: string;
}

export function groupRows(state: SimSeed, groupId: number, programId: number): MemberRow[] {
  const group = state.groups.find((g) => g.groupId === groupId);
  const program = state.programs.find((p) => p.programId === programId);
  if (!group || !program) {
    throw new Error(`no group ${groupId} or program ${programId} in the simulator`);
  }
  return group.members.map((m) => {
    const customer = state.customers.find((c) => c.customerId === m.customerId);
    const tierNumber = customer?.tiers.find((t) => t.programId === programId)?.tierNumber ?? 1;
    const tierName = program.tiers.find((t) => t.serialNumber === tierNumber && t.status === 'LIVE')?.name;
    return {
      customer: `${m.customerId} ${customer?.firstName ?? ''}`.trim(),
      role: m.primary ? 'PRIMARY' : 'SECONDARY',
      status: m.active ? (customer?.status ?? 'ACTIVE') : 'EXITED',
      tier: `${tierNumber} ${tierName ?? '?'}`,
    };
  });
}

export function renderTable(rows: MemberRow[]): string {
  const columns: (keyof MemberRow)[] = ['customer', 'role', 'status', 'tier'];
  const width = (c: keyof MemberRow): number => Math.max(c.length, ...rows.map((r) => r[c].length));
  const line = (cells: Record<keyof MemberRow, string>): string =>
    columns.map((c) => cells[c].padEnd(width(c))).join(' | ');
  const header = line({ customer: 'customer', role: 'role', status: 'status', tier: 'tier' });
  return [header, columns.map((c) => '-'.repeat(width(c))).join('-+-'), ...rows.map(line)].join('\n');
}
