import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { useSimClient } from '../test/sim-client';
import { CapillaryClient } from './capillary.client';

const PRIMARY = 566998132;
const SECONDARY = 567219877;
const EXITED = 564662499;
const GROUP = 3918893;

describe(CapillaryClient.name, () => {
  const harness = useSimClient();
  let sut: CapillaryClient;

  beforeEach(() => {
    sut = harness.client();
  });

  describe('manualSlabAdjustment', () => {
    it('sends the documented query and body and returns the side effects', async () => {
      const body = {
        programId: DEMO_PROGRAM_ID,
        slabAction: 'UPGRADE' as const,
        toSlabName: 'Gold',
        manualSlabActionValidity: 'FIXED_DURATION' as const,
        manualSlabActionValidityUpto: '20',
        reassessTierOnNextActivity: true,
        slabChangeReason: 'group-sync: primary 566998132',
      };
      const response = await sut.manualSlabAdjustment(SECONDARY, body);

      expect(response).toEqual({
        programId: DEMO_PROGRAM_ID,
        entityId: SECONDARY,
        sideEffects: [
          expect.objectContaining({
            entityType: 'USER',
            previousSlabName: 'Silver',
            previousSlabNumber: 1,
            upgradedSlabName: 'Gold',
            upgradedSlabNumber: 2,
            slabExpiryDate: expect.stringMatching(/^\d{1,2}(st|nd|rd|th) [A-Z][a-z]{2}, \d{4}$/) as unknown,
            type: 'slab',
          }),
        ],
        warnings: [],
      });
      const [call] = harness.sim.control.calls({ endpoint: 'manualSlabAdjustment' });
      expect(call?.query).toEqual({
        source: 'INSTORE',
        identifierName: 'id',
        identifierValue: String(SECONDARY),
      });
      expect(call?.body).toEqual(body);
      expect(harness.sim.control.tierOf(SECONDARY, DEMO_PROGRAM_ID)).toMatchObject({
        tierNumber: 2,
        reassessOnNextActivity: true,
      });
    });

    it('passes identifierName, identifierValue, type and the configured source', async () => {
      const client = harness.client({ source: 'MOBILE_APP' });
      await client.manualSlabAdjustment(
        0,
        {
          programId: DEMO_PROGRAM_ID,
          slabAction: 'RENEWAL',
          manualSlabActionValidity: 'CURRENT_TIER_EXPIRY_DATE',
        },
        { identifierName: 'mobile', identifierValue: '9198567219877', type: 'CUSTOMER' },
      );

      const [call] = harness.sim.control.calls({ endpoint: 'manualSlabAdjustment' });
      expect(call?.query).toEqual({
        source: 'MOBILE_APP',
        identifierName: 'mobile',
        identifierValue: '9198567219877',
        type: 'CUSTOMER',
      });
    });
  });

  describe('groups', () => {
    it('getGroup reads the membership rows and the active primary', async () => {
      const group = await sut.getGroup(GROUP);

      expect(group).toMatchObject({
        id: GROUP,
        externalId: 'fam_1',
        groupName: 'Family1',
        primaryUserId: PRIMARY,
      });
      expect(group.members).toContainEqual({
        userId: EXITED,
        primaryMember: false,
        active: false,
        defaultGroup: false,
      });
      expect(group.pointsSummaries).toEqual([
        expect.objectContaining({ programId: DEMO_PROGRAM_ID, slabSNo: 2 }),
      ]);
    });

    it('findGroupLedBy returns the group of a primary and null for a secondary or a loner', async () => {
      await expect(sut.findGroupLedBy(PRIMARY)).resolves.toMatchObject({ id: GROUP });
      await expect(sut.findGroupLedBy(SECONDARY)).resolves.toBeNull();
      await expect(sut.findGroupLedBy(570000001)).resolves.toBeNull();
    });

    it('getGroupMembers keeps the contested inActive as sent, with role and primaryMember', async () => {
      const members = await sut.getGroupMembers(GROUP);

      expect(members).toHaveLength(5);
      expect(members[0]).toMatchObject({
        customerId: PRIMARY,
        role: 'PRIMARY',
        primaryMember: true,
        inActive: true,
      });
      expect(members.find((m) => m.customerId === EXITED)).toMatchObject({
        role: 'SECONDARY',
        inActive: false,
      });
      expect(members.find((m) => m.customerId === SECONDARY)).toMatchObject({
        primaryMember: false,
        inActive: true,
      });
    });

    it('searchGroups returns the page of matching groups', async () => {
      const page = await sut.searchGroups('family', { offset: 1, limit: 1 });

      expect(page).toEqual({
        groups: [
          expect.objectContaining({ groupId: 3918894, groupName: 'Family2', primaryMemberId: 566998200 }),
        ],
        offset: 1,
        limit: 1,
        total: 2,
      });
    });
  });

  describe('tiers', () => {
    it('getCustomerLoyalty returns the tier per program', async () => {
      const tiers = await sut.getCustomerLoyalty(PRIMARY);

      expect(tiers).toEqual([
        expect.objectContaining({ programId: DEMO_PROGRAM_ID, currentSlab: 'Gold', slabSNo: 2 }),
        expect.objectContaining({ programId: 2834, currentSlab: 'Emerald', slabSNo: 2 }),
      ]);
      expect(harness.sim.control.calls()[0]?.query).toEqual({ source: 'INSTORE', embed: 'mlp' });
    });

    it('getProgramTiers returns LIVE tiers only, ordered by serialNumber', async () => {
      const tiers = await sut.getProgramTiers(DEMO_PROGRAM_ID);

      expect(tiers.map((t) => [t.serialNumber, t.name])).toEqual([
        [1, 'Silver'],
        [2, 'Gold'],
        [3, 'Platinum'],
      ]);
    });
  });
});
