import { type CustomerProgramTier } from '@tiersync/capillary-client';
import { calculateDrift, type GroupSnapshot } from './drift.calculator';

const NAMES = ['', 'Silver', 'Gold', 'Platinum'];
const tier = (programId: number, number: number): CustomerProgramTier => ({
  programId,
  slabSNo: number,
  currentSlab: NAMES[number] ?? '?',
});

const group: GroupSnapshot = {
  groupId: 1,
  groupName: 'Family',
  primaryCustomerId: 10,
  primaryTiers: [tier(973, 2), tier(2834, 1)],
  secondaries: [
    { customerId: 11, tiers: [tier(973, 1), tier(2834, 1)] },
    { customerId: 12, tiers: [tier(973, 3), tier(2834, 1)] },
    { customerId: 13, tiers: [tier(973, 2)] },
    { customerId: 14, tiers: [tier(973, 2), tier(2834, 1)] },
  ],
};

describe(calculateDrift.name, () => {
  it('lists members below, above and outside each program of the primary (mirror)', () => {
    const drift = calculateDrift(group, 'mirror');
    expect(drift.programs).toEqual([
      {
        programId: 973,
        primaryTier: { number: 2, name: 'Gold' },
        inStep: 2,
        drifted: [
          { customerId: 11, tier: { number: 1, name: 'Silver' }, direction: 'below' },
          { customerId: 12, tier: { number: 3, name: 'Platinum' }, direction: 'above' },
        ],
      },
      {
        programId: 2834,
        primaryTier: { number: 1, name: 'Silver' },
        inStep: 3,
        drifted: [{ customerId: 13, tier: null, direction: 'not-enrolled' }],
      },
    ]);
    expect(drift.driftedMembers).toBe(3);
  });

  it('leaves members above the primary alone under upgrade-only', () => {
    const drift = calculateDrift(group, 'upgrade-only');
    expect(drift.programs[0]?.drifted.map((m) => m.customerId)).toEqual([11]);
  });

  it('restricts to the given programs', () => {
    const drift = calculateDrift(group, 'mirror', [2834]);
    expect(drift.programs.map((p) => p.programId)).toEqual([2834]);
    expect(drift.driftedMembers).toBe(1);
  });

  it('finds nothing in a group in step, or without secondaries', () => {
    expect(calculateDrift({ ...group, secondaries: [group.secondaries[3]!] }, 'mirror').driftedMembers).toBe(
      0,
    );
    expect(calculateDrift({ ...group, secondaries: [] }, 'mirror').programs[0]?.inStep).toBe(0);
  });
});
