import { simCall } from '../test/sim-http';
import { HEADER, PRIMARY, SECONDARY, SECRET, useWebhookSim } from '../test/webhook-harness';
import { DEMO_PROGRAM_ID } from './demo-seed';
import { tierEvent } from './webhook-payloads';

describe(tierEvent.name, () => {
  const h = useWebhookSim();
  const { receiver } = h;
  describe('tier events', () => {
    it('sends tierUpgraded with the documented envelope, data and the static header', async () => {
      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(receiver.received).toHaveLength(1);
      const [delivery] = receiver.received;
      expect(delivery?.headers[HEADER]).toBe(SECRET);
      expect(delivery?.headers['content-type']).toBe('application/json');
      expect(delivery?.body).toEqual({
        eventName: 'tierUpgraded',
        eventId: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ) as unknown,
        orgId: 50261,
        refId: expect.stringMatching(/^50261_/) as unknown,
        apiRequestId: expect.any(String) as unknown,
        createdAt: expect.any(Number) as unknown,
        loyaltyEventId: expect.any(String) as unknown,
        eventSearchKey: String(PRIMARY),
        data: {
          customerIdentifiers: {
            customerId: PRIMARY,
            instore: {
              mobile: '9198566998132',
              email: 'pia@example.com',
              externalId: 'ext_566998132',
              cardNumbers: [],
            },
          },
          entityInformation: { entityType: 'USER', entityId: PRIMARY },
          loyaltyProgramId: DEMO_PROGRAM_ID,
          loyaltyProgramDetails: {
            id: DEMO_PROGRAM_ID,
            name: 'DefaultProgram',
            isDefault: true,
            pointsToCurrencyRatio: 1,
            tiers: [
              { tierNumber: 1, tierName: 'Silver' },
              { tierNumber: 2, tierName: 'Gold' },
              { tierNumber: 3, tierName: 'Platinum' },
            ],
          },
          previousTierNumber: 2,
          upgradedTierNumber: 3,
          upgradeType: 'STRATEGY',
          tierExpiryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
          tierExpiryDateInMillis: expect.any(Number) as unknown,
          currentDateStoreTz: expect.any(String) as unknown,
          notes: 'Moving to Slab : Slab[3]: Name [Platinum]',
          triggeringActivity: expect.objectContaining({
            name: 'TransactionAdd',
            identifiers: [{ key: 'customerId', value: String(PRIMARY) }],
          }) as unknown,
        },
      });
    });

    it('sends tierDowngraded (downgradedTierNumber, no notes) and tierRenewed (currentTierNumber, renewType)', async () => {
      h.activity(PRIMARY, 'Silver');
      h.activity(SECONDARY, 1);
      await h.sim.control.webhooksIdle();

      const [down, renew] = receiver.received.map((r) => r.body);
      expect(down).toMatchObject({
        eventName: 'tierDowngraded',
        data: { previousTierNumber: 2, downgradedTierNumber: 1 },
      });
      expect(down?.data).not.toHaveProperty('notes');
      expect(renew).toMatchObject({
        eventName: 'tierRenewed',
        data: { currentTierNumber: 1, renewType: 'STRATEGY' },
      });
      expect(renew?.data).not.toHaveProperty('previousTierNumber');
    });

    it('echoes our own adjustment as a tier event for that secondary, tagged with the API request', async () => {
      const answer = await simCall(
        h.sim,
        'POST',
        `/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=id&identifierValue=${SECONDARY}`,
        {
          programId: DEMO_PROGRAM_ID,
          slabAction: 'UPGRADE',
          toSlabName: 'Gold',
          manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
        },
      );
      await h.sim.control.webhooksIdle();

      expect(answer.status).toBe(200);
      expect(receiver.received.map((r) => r.body)).toEqual([
        expect.objectContaining({
          eventName: 'tierUpgraded',
          data: expect.objectContaining({
            customerIdentifiers: expect.objectContaining({ customerId: SECONDARY }) as unknown,
            previousTierNumber: 1,
            upgradedTierNumber: 2,
            upgradeType: 'MANUAL',
          }) as unknown,
        }),
      ]);
    });

    it.each([
      [
        'null',
        (data: Record<string, unknown>) => {
          expect(data['loyaltyProgramDetails']).toMatchObject({ tiers: null });
        },
      ],
      [
        'omitDetails',
        (data: Record<string, unknown>) => {
          expect(data).not.toHaveProperty('loyaltyProgramDetails');
        },
      ],
    ] as const)('tiersMode %s', async (tiersMode, check) => {
      h.sim.control.setWebhook({ url: h.url, headerName: HEADER, secret: SECRET, tiersMode });

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      check(receiver.received[0]?.body.data ?? {});
    });
  });

  describe('group events', () => {
    it('fires groupMemberAdded and groupMemberRemoved (plus the leaver’s drop to the base tier)', async () => {
      h.sim.control.addMember(3918894, 570000001);
      h.sim.control.removeMember(3918894, 566998201);
      await h.sim.control.webhooksIdle();

      expect(receiver.names()).toEqual([
        'groupMemberAdded',
        'groupMemberRemoved',
        'tierDowngraded',
        'tierDowngraded',
      ]);
      expect(receiver.received[0]?.body.data).toEqual({
        groupId: 3918894,
        groupName: 'Family2',
        primaryMember: expect.objectContaining({
          role: 'PRIMARY',
          customerIdentifiers: expect.objectContaining({ customerId: 566998200 }) as unknown,
        }) as unknown,
        memberAdded: expect.objectContaining({
          role: 'SECONDARY',
          firstName: 'Lou',
          customerIdentifiers: expect.objectContaining({ customerId: 570000001 }) as unknown,
        }) as unknown,
        enteredAt: expect.any(String) as unknown,
        enteredBy: expect.objectContaining({ user: { username: 'sim.till' } }) as unknown,
      });
      expect(receiver.received[1]?.body.data).toMatchObject({
        memberRemoved: { customerIdentifiers: { customerId: 566998201 } },
      });
      expect(receiver.received[0]?.body.eventSearchKey).toBe('3918894');
    });
  });
});
