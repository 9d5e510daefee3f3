import { activePrimaryOf, selectSecondaries } from '@tiersync/capillary-client';
import { planMember, type PlanInput } from './member-planner';

const gold = { number: 2, name: 'Gold' };
const input = (over: Partial<PlanInput>): PlanInput => ({
  current: gold,
  target: gold,
  downgradePolicy: 'mirror',
  renewal: false,
  ...over,
});

describe(planMember.name, () => {
  it.each([
    ['below the target', { current: { number: 1 } }, 'UPGRADE'],
    [
      'below the target, upgrade-only',
      { current: { number: 1 }, downgradePolicy: 'upgrade-only' },
      'UPGRADE',
    ],
    ['above the target, mirror', { current: { number: 3 } }, 'DOWNGRADE'],
    ['above the target, upgrade-only', { current: { number: 3 }, downgradePolicy: 'upgrade-only' }, 'NONE'],
    ['equal, renewal trigger', { renewal: true }, 'RENEWAL'],
    ['equal, not a renewal', {}, 'NONE'],
    ['below the target, renewal trigger', { current: { number: 1 }, renewal: true }, 'UPGRADE'],
    ['above, renewal trigger, mirror', { current: { number: 3 }, renewal: true }, 'DOWNGRADE'],
  ] as [string, Partial<PlanInput>, string][])('%s -> %s', (_name, over, action) => {
    const plan = planMember(input(over));
    expect(plan.action).toBe(action);
    expect(plan.skip).toBeUndefined();
    expect(plan.note).not.toHaveLength(0);
  });

  it('skips a member without a tier in the program', () => {
    expect(planMember(input({ current: undefined }))).toMatchObject({ action: 'NONE', skip: true });
  });

  it('never plans an UPGRADE for a member at or above the target (the call that fails with 8925)', () => {
    for (let current = 1; current <= 5; current++) {
      for (const downgradePolicy of ['mirror', 'upgrade-only'] as const) {
        for (const renewal of [true, false]) {
          const plan = planMember({
            current: { number: current },
            target: { number: 3 },
            downgradePolicy,
            renewal,
          });
          expect(plan.action === 'UPGRADE').toBe(current < 3);
        }
      }
    }
  });
});

describe(selectSecondaries.name, () => {
  const members = [
    { customerId: 1, primaryMember: true, active: true },
    { customerId: 2, primaryMember: false, active: true },
    { customerId: 3, primaryMember: false, active: false },
    { customerId: 4, primaryMember: false, active: true },
  ];

  it('keeps active secondaries and reports exited ones', () => {
    expect(selectSecondaries(members, 1)).toEqual({
      targets: [2, 4],
      skipped: [{ customerId: 3, note: 'exited the group' }],
    });
  });

  it('restricts to the named members and reports one that left', () => {
    expect(selectSecondaries(members, 1, [4, 9])).toEqual({
      targets: [4],
      skipped: [{ customerId: 9, note: 'no longer a member of the group' }],
    });
  });

  it('never selects the primary, even when named or flagged only by id', () => {
    const unflagged = members.map((m) => ({ ...m, primaryMember: false }));
    expect(selectSecondaries(unflagged, 1, [1, 2]).targets).toEqual([2]);
    expect(selectSecondaries(unflagged, 1, [1, 2]).skipped).toEqual([]);
  });

  it('finds the active primary', () => {
    expect(activePrimaryOf(members)).toBe(1);
    expect(activePrimaryOf([{ customerId: 1, primaryMember: true, active: false }])).toBeUndefined();
  });
});
