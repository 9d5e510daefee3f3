import { DEMO_PROGRAM_ID, demoSeed } from '@tiersync/capillary-sim';
import { groupRows, renderTable } from './demo-table';

describe(groupRows.name, () => {
  it('lists every member of the demo group with role, status and tier name', () => {
    const rows = groupRows(demoSeed(), 3918893, DEMO_PROGRAM_ID);
    expect(rows).toContainEqual({
      customer: '566998132 Pia',
      role: 'PRIMARY',
      status: 'ACTIVE',
      tier: '2 Gold',
    });
    expect(rows).toContainEqual({
      customer: '564662499 Eli',
      role: 'SECONDARY',
      status: 'EXITED',
      tier: '1 Silver',
    });
    expect(rows).toContainEqual(
      expect.objectContaining({ customer: '567300002 Fay', status: 'FRAUD_CONFIRMED' }),
    );
  });

  it('names a missing group', () => {
    expect(() => groupRows(demoSeed(), 1, DEMO_PROGRAM_ID)).toThrow('no group 1');
  });
});

describe(renderTable.name, () => {
  it('aligns columns under a header', () => {
    const table = renderTable([
      { customer: '1 Al', role: 'PRIMARY', status: 'ACTIVE', tier: '2 Gold' },
      { customer: '22 Bea', role: 'SECONDARY', status: 'EXITED', tier: '1 Silver' },
    ]).split('\n');
    expect(table[0]).toBe('customer | role      | status | tier    ');
    expect(table[3]).toBe('22 Bea   | SECONDARY | EXITED | 1 Silver');
  });
});
