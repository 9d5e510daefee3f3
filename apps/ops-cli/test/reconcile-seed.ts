import { DEMO_PROGRAM_ID, DEMO_SECOND_PROGRAM_ID, demoSeed, type SimSeed } from '@tiersync/capillary-sim';

export function inStepSeed(count: number, firstGroupId = 1): SimSeed {
  const base = demoSeed();
  const groups = Array.from({ length: count }, (_, i) => firstGroupId + i);
  const customerIds = (g: number) => [g * 100, g * 100 + 1, g * 100 + 2, g * 100 + 3, g * 100 + 9];
  return {
    ...base,
    customers: groups.flatMap(customerIds).map((customerId) => ({
      customerId,
      firstName: `C${customerId}`,
      lastName: 'Test',
      email: `c${customerId}@example.com`,
      status: 'ACTIVE',
      tiers: [
        { programId: DEMO_PROGRAM_ID, tierNumber: customerId % 100 === 9 ? 1 : 2, expiryDate: '2026-08-19' },
        { programId: DEMO_SECOND_PROGRAM_ID, tierNumber: 1, expiryDate: '2026-12-31' },
      ],
      partnerLinks: [],
    })),
    groups: groups.map((g) => ({
      groupId: g,
      groupName: `Family ${g}`,
      groupStatus: 'ACTIVE',
      maxGroupSize: 6,
      createdOn: '2025-01-15 10:00:00',
      members: customerIds(g).map((customerId) => ({
        customerId,
        primary: customerId === g * 100,
        active: customerId % 100 !== 9,
        defaultGroup: true,
        joinedOn: '2025-01-15 10:00:00',
      })),
      tiers: [],
    })),
    partnerPrograms: [],
  };
}
