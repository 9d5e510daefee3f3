import { type SimCustomer, type SimGroupMember, type SimSeed } from './sim.types';

export const DEMO_PROGRAM_ID = 973;
export const DEMO_SECOND_PROGRAM_ID = 2834;
export const DEMO_PARTNER_PROGRAM = 'Apparel-Partner';

function customer(
  customerId: number,
  firstName: string,
  tiers: [number, number],
  extra: Partial<SimCustomer> = {},
): SimCustomer {
  return {
    customerId,
    firstName,
    lastName: 'Demo',
    mobile: `9198${customerId}`,
    email: `${firstName.toLowerCase()}@example.com`,
    externalId: `ext_${customerId}`,
    status: 'ACTIVE',
    tiers: [
      { programId: DEMO_PROGRAM_ID, tierNumber: tiers[0], expiryDate: '2026-08-19' },
      { programId: DEMO_SECOND_PROGRAM_ID, tierNumber: tiers[1], expiryDate: '2026-12-31' },
    ],
    partnerLinks: [],
    ...extra,
  };
}

function member(customerId: number, primary: boolean, active = true): SimGroupMember {
  return { customerId, primary, active, defaultGroup: active, joinedOn: '2025-01-15 10:00:00' };
}

/** The cases a sync meets: tiers below, at and above the primary, an exited member, fraud (3045). */
export function demoSeed(): SimSeed {
  const partnerLink = (tierName: string, n: number) => ({
    partnerProgramName: DEMO_PARTNER_PROGRAM,
    tierName,
    expiryDate: '2027-12-29T23:59:59Z',
    membershipNumber: `AP-${n}`,
  });
  return {
    orgId: 50261,
    programs: [
      {
        programId: DEMO_PROGRAM_ID,
        name: 'DefaultProgram',
        isDefault: true,
        pointsToCurrencyRatio: 1,
        tierValidityMonths: 12,
        tiers: [
          { slabId: 9001, serialNumber: 1, name: 'Silver', status: 'LIVE' },
          { slabId: 9002, serialNumber: 2, name: 'Gold', status: 'LIVE' },
          { slabId: 9003, serialNumber: 3, name: 'Platinum', status: 'LIVE' },
          { slabId: 9013, serialNumber: 3, name: 'Platinum Plus', status: 'DRAFT' },
        ],
      },
      {
        programId: DEMO_SECOND_PROGRAM_ID,
        name: 'TravelProgram',
        isDefault: false,
        pointsToCurrencyRatio: 0.5,
        tierValidityMonths: 24,
        tiers: [
          { slabId: 9101, serialNumber: 1, name: 'Ruby', status: 'LIVE' },
          { slabId: 9102, serialNumber: 2, name: 'Emerald', status: 'LIVE' },
          { slabId: 9103, serialNumber: 3, name: 'GOLD', status: 'LIVE' },
        ],
      },
    ],
    customers: [
      customer(566998132, 'Pia', [2, 2], { partnerLinks: [partnerLink('Gold', 1)] }),
      customer(567219877, 'Sam', [1, 1], { partnerLinks: [partnerLink('Silver', 2)] }),
      customer(564662499, 'Eli', [1, 1]),
      customer(567300001, 'Max', [3, 3], { partnerLinks: [partnerLink('Silver', 3)] }),
      customer(567300002, 'Fay', [1, 1], { status: 'FRAUD_CONFIRMED' }),
      customer(566998200, 'Ann', [1, 1]),
      customer(566998201, 'Bob', [2, 2]),
      customer(566998202, 'Cid', [1, 1]),
      customer(570000001, 'Lou', [1, 1]),
    ],
    groups: [
      {
        groupId: 3918893,
        externalId: 'fam_1',
        groupName: 'Family1',
        groupStatus: 'ACTIVE',
        maxGroupSize: 6,
        createdOn: '2025-01-15 10:00:00',
        members: [
          member(566998132, true),
          member(567219877, false),
          member(564662499, false, false),
          member(567300001, false),
          member(567300002, false),
        ],
        tiers: [{ programId: DEMO_PROGRAM_ID, tierNumber: 2, expiryDate: '2026-08-19' }],
      },
      {
        groupId: 3918894,
        externalId: 'fam_2',
        groupName: 'Family2',
        groupStatus: 'ACTIVE',
        maxGroupSize: 6,
        createdOn: '2025-02-01 09:30:00',
        members: [member(566998200, true), member(566998201, false), member(566998202, false)],
        tiers: [{ programId: DEMO_PROGRAM_ID, tierNumber: 1, expiryDate: '2026-08-19' }],
      },
    ],
    partnerPrograms: [
      {
        partnerProgramId: 101,
        name: DEMO_PARTNER_PROGRAM,
        type: 'EXTERNAL',
        loyaltyProgramId: DEMO_PROGRAM_ID,
        tiers: [
          { tierNumber: 1, tierName: 'Silver' },
          { tierNumber: 2, tierName: 'Gold' },
        ],
      },
      {
        // Membership-based: GET /v2/organization/programs lists it without partnerProgramTiers.
        partnerProgramId: 102,
        name: 'Apparel-Supplementary',
        type: 'SUPPLEMENTARY',
        loyaltyProgramId: DEMO_PROGRAM_ID,
        tiers: [],
      },
    ],
  };
}
