import { activePrimaryOf, selectSecondaries } from './member-selection';

const rows = [
  { customerId: 1, primaryMember: true, active: true },
  { customerId: 2, primaryMember: false, active: true },
  { customerId: 3, primaryMember: false, active: false },
  { customerId: 4, primaryMember: false, active: true },
];

describe(selectSecondaries.name, () => {
  it('targets the active secondaries and reports the exited ones', () => {
    expect(selectSecondaries(rows, 1)).toEqual({
      targets: [2, 4],
      skipped: [{ customerId: 3, note: 'exited the group' }],
    });
  });

  it('restricts to the named members, reporting one who is no longer listed', () => {
    expect(selectSecondaries(rows, 1, [4, 9, 1])).toEqual({
      targets: [4],
      skipped: [{ customerId: 9, note: 'no longer a member of the group' }],
    });
  });
});

describe(activePrimaryOf.name, () => {
  it('is the active primary row, or none', () => {
    expect(activePrimaryOf(rows)).toBe(1);
    expect(activePrimaryOf([{ customerId: 1, primaryMember: true, active: false }])).toBeUndefined();
  });
});
