import { type SimCustomer, type SimGroup, type SimSeed } from './sim.types';

/** Groups of one primary (index 0) and up to 9 secondaries, all on the base tier: benches and chaos tests. */
export const FLEET_PROGRAM_ID = 973;

export function fleetMemberId(group: number, index: number): number {
  return 100_000_000 + group * 10 + index;
}

export function fleetGroupOfMember(customerId: number): number {
  return Math.floor((customerId - 100_000_000) / 10);
}

export function fleetGroupId(group: number): number {
  return 50_000_000 + group;
}

/** When every primary moves to Platinum, every secondary needs one UPGRADE. */
export function fleetSeed(groups: number, secondaries: number): SimSeed {
  const customers: SimCustomer[] = [];
  const groupList: SimGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const ids = Array.from({ length: secondaries + 1 }, (_, i) => fleetMemberId(g, i));
    ids.forEach((customerId) =>
      customers.push({
        customerId,
        firstName: `c${customerId}`,
        lastName: 'Fleet',
        mobile: `91${customerId}`,
        status: 'ACTIVE',
        tiers: [{ programId: FLEET_PROGRAM_ID, tierNumber: 1, expiryDate: '2027-12-31' }],
        partnerLinks: [],
      }),
    );
    groupList.push({
      groupId: fleetGroupId(g),
      groupName: `bench-${g}`,
      groupStatus: 'ACTIVE',
      maxGroupSize: secondaries + 1,
      createdOn: '2025-01-01 00:00:00',
      members: ids.map((customerId, i) => ({
        customerId,
        primary: i === 0,
        active: true,
        defaultGroup: true,
        joinedOn: '2025-01-01 00:00:00',
      })),
      tiers: [],
    });
  }
  return {
    orgId: 50261,
    programs: [
      {
        programId: FLEET_PROGRAM_ID,
        name: 'FleetProgram',
        isDefault: true,
        pointsToCurrencyRatio: 1,
        tierValidityMonths: 12,
        tiers: [
          { slabId: 1, serialNumber: 1, name: 'Silver', status: 'LIVE' },
          { slabId: 2, serialNumber: 2, name: 'Gold', status: 'LIVE' },
          { slabId: 3, serialNumber: 3, name: 'Platinum', status: 'LIVE' },
        ],
      },
    ],
    customers,
    groups: groupList,
    partnerPrograms: [],
  };
}
