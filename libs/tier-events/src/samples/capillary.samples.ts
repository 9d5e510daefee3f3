// As the vendor documents them (docs/architecture.md, API facts 1, 5-7 and 23), shortened; fresh objects
// per call so that a test can mutate its copy.

type Json = Record<string, unknown>;

const TIERS = [
  { tierNumber: 1, tierName: 'Silver' },
  { tierNumber: 2, tierName: 'Gold' },
];

function tierData(customerId: number): Json {
  return {
    customerIdentifiers: { customerId, instore: { mobile: '919817074381', cardNumbers: [] } },
    entityInformation: { entityType: 'USER', entityId: customerId },
    loyaltyProgramId: 978,
    loyaltyProgramDetails: {
      id: 978,
      name: 'DefaultProgram',
      isDefault: true,
      pointsToCurrencyRatio: 1,
      tiers: TIERS.map((tier) => ({ ...tier })),
    },
    tierExpiryDate: '2026-08-19',
    tierExpiryDateInMillis: 1787097599000,
  };
}

function envelope(eventName: string, data: Json): Json {
  return {
    eventName,
    eventId: 'fac88937-7740-48a3-b34e-fcfedb1f57a0',
    orgId: 50261,
    refId: '50261_vdFdiTjSeg',
    apiRequestId: 'ac70134fac73752691f861aa94dd4678',
    createdAt: 1724058034369,
    loyaltyEventId: 'vdFdiTjSeg',
    data,
  };
}

function member(customerId: number, role: string): Json {
  return { firstName: 'Ann', lastName: 'Lee', role, customerIdentifiers: { customerId } };
}

const [GROUP_ID, PRIMARY_ID, MEMBER_ID] = [3918893, 566998132, 567219877];

function groupEvent(eventName: string, groupId: number, primaryId: number, subject: Json): Json {
  return envelope(eventName, {
    groupId,
    groupName: 'Family1',
    primaryMember: member(primaryId, 'PRIMARY'),
    ...subject,
    enteredAt: 1724058034000,
    enteredBy: { id: 12970395, user: { username: 'till.1' } },
  });
}

export const capillarySamples = {
  tierUpgraded: (customerId = 347266498): Json =>
    envelope('tierUpgraded', {
      ...tierData(customerId),
      previousTierNumber: 1,
      upgradedTierNumber: 2,
      upgradeType: 'STRATEGY',
      notes: 'Upgrading to Slab : Slab[2]: Name [GOLD] Description [gold] , Criteria: Primary',
    }),
  tierDowngraded: (customerId = 347266498): Json =>
    envelope('tierDowngraded', { ...tierData(customerId), previousTierNumber: 2, downgradedTierNumber: 1 }),
  tierRenewed: (customerId = 347266498): Json =>
    envelope('tierRenewed', {
      ...tierData(customerId),
      currentTierNumber: 2,
      renewType: 'STRATEGY',
      notes: 'Renewing Slab : Slab[2]',
    }),
  groupMemberAdded: (groupId = GROUP_ID, primaryId = PRIMARY_ID, memberId = MEMBER_ID): Json =>
    groupEvent('groupMemberAdded', groupId, primaryId, { memberAdded: member(memberId, 'SECONDARY') }),
  groupMemberRemoved: (groupId = GROUP_ID, primaryId = PRIMARY_ID, memberId = MEMBER_ID): Json =>
    groupEvent('groupMemberRemoved', groupId, primaryId, { memberRemoved: member(memberId, 'SECONDARY') }),
  /** The 2021 sample (partner programs page): note `loyaltyEventId: null` and no entityInformation. */
  partnerProgramUpdated: (customerId = 354971193): Json => ({
    eventName: 'partnerProgramUpdated',
    eventId: 'caff89da-4c1c-4a5c-a27d-8f4f6f74f541',
    orgId: 50191,
    refId: '50191_esJyjQ23RQ',
    apiRequestId: '95d1d0d76dda1565a3c2905f230c3975',
    createdAt: 1622457292026,
    data: {
      customerIdentifiers: {
        customerId,
        instore: { mobile: '919666308709', email: 'a@example.com', externalId: '919666308709' },
      },
      loyaltyProgramId: 855,
      partnerProgramId: 25,
      partnerProgramName: 'Demo-p1',
      partnerProgramType: 'EXTERNAL',
      updateType: 'UPGRADE',
      customerPartnerProgramDetails: {
        partnerTierExpiryDate: '2021-06-29',
        partnerTierNumber: 2,
        membershipNumber: '123-asa3',
      },
    },
    loyaltyEventId: null,
  }),
};
