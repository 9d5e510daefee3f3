import { violationsOf } from '../../test/violations-of';
import { capillarySamples } from '../samples/capillary.samples';
import { InvalidEventError } from '../validation/invalid-event.error';
import { parseEvent, toEventBody, unwrapLegacyBody } from './parse-event';

/** The enriched tierUpgraded sample of the event-schema-tier page, as JSON text: ids rendered as floats. */
const ENRICHED_TIER_UPGRADED = `{
  "apiRequestId": "1344ffd5-7b6f-4af0-a23d-ce354da13c76", "createdAt": 1720440349027.0,
  "data": {
    "customerIdentifiers": { "customerId": 379499720.0 },
    "entityInformation": { "entityId": 1676.0, "entityType": "entityType" },
    "loyaltyProgramDetails": { "id": 1676.0, "isDefault": null, "name": "name", "pointsToCurrencyRatio": 1677.0,
      "tiers": null },
    "loyaltyProgramId": 1676.0, "notes": "notes", "previousTierNumber": 1676.0, "tierExpiryDate": "tierExpiryDate",
    "triggeringActivity": { "additionalAttributes": null, "enteredBy": null, "entityInformation": null,
      "identifiers": null, "name": "name" },
    "upgradeType": "upgradeType", "upgradedTierNumber": 1676.0
  },
  "eventId": "ccf65d56-1e34-4282-b9ad-8fe3fe558b74", "eventName": "tierUpgraded", "loyaltyEventId": null,
  "orgId": 50952.0, "refId": "50952_7250807"
}`;

/** A 2021-style sample: legacy body wrapper, no loyaltyProgramDetails, a full triggeringActivity. */
const LEGACY_TIER_DOWNGRADED = {
  body: {
    eventName: 'tierDowngraded',
    eventId: '1b0f6a3c-1d5e-4c83-9a55-6b8b8a0e4a11',
    orgId: 1800,
    refId: '1800_482579328',
    apiRequestId: '4b6330d3e10bf660783a9ba77248c9f7',
    createdAt: 1619199042493,
    loyaltyEventId: null,
    data: {
      customerIdentifiers: {
        customerId: 482579328,
        instore: { mobile: '919000000001', externalId: 'ext-1' },
      },
      entityInformation: { entityType: 'USER', entityId: 482579328 },
      loyaltyProgramId: 1115,
      previousTierNumber: 3,
      downgradedTierNumber: 2,
      tierExpiryDate: '2022-04-23',
      currentDateStoreTz: '2021-04-23',
      triggeringActivity: {
        name: 'TierDowngradeJob',
        identifiers: [{ key: 'jobId', value: 42 }],
        enteredBy: {
          id: 12970395,
          till: { code: 'aa.sit.admin', name: 'aa.sit.admin' },
          store: {
            code: 'aa.admin',
            name: 'Admin Store',
            externalId: 'A1',
            externalId1: '',
            externalId2: '',
          },
        },
        entityInformation: { entityType: 'USER', entityId: 482579328 },
        additionalAttributes: [],
      },
    },
  },
};

/**
 * The minimal tierUpgraded example of the vendor recipe (docs/architecture.md, API fact 1), verbatim in
 * content.
 */
const SEED_000_MINIMAL = {
  eventName: 'tierUpgraded',
  data: {
    entityInformation: { entityId: 347266498 },
    loyaltyProgramDetails: {
      tiers: [
        { tierNumber: 1, tierName: 'Silver' },
        { tierNumber: 2, tierName: 'Gold' },
      ],
    },
    upgradedTierNumber: 2,
  },
};

describe(parseEvent.name, () => {
  it('parses the reconstructed tierUpgraded sample with every documented field', () => {
    const event = parseEvent(capillarySamples.tierUpgraded());
    expect(event.kind).toBe('tierUpgraded');
    const { data, ...envelope } = capillarySamples.tierUpgraded();
    expect(event.envelope).toEqual(envelope);
    expect(event.data).toEqual(data);
  });

  it.each([
    ['tierDowngraded', capillarySamples.tierDowngraded()],
    ['tierRenewed', capillarySamples.tierRenewed()],
    ['groupMemberAdded', capillarySamples.groupMemberAdded()],
    ['groupMemberRemoved', capillarySamples.groupMemberRemoved()],
    ['partnerProgramUpdated', capillarySamples.partnerProgramUpdated()],
  ])('parses the %s sample unchanged', (kind, raw) => {
    const event = parseEvent(raw);
    expect(event.kind).toBe(kind);
    expect(toEventBody(event)).toEqual(raw);
  });

  it('parses the documented groupMemberAdded sample (no names, refId or apiRequestId)', () => {
    const event = parseEvent({
      eventName: 'groupMemberAdded',
      eventId: '9a1c2b3d-0000-4000-8000-000000000001',
      orgId: 50261,
      createdAt: 1724058034369,
      data: {
        groupId: 3918893,
        groupName: 'Family1',
        primaryMember: { role: 'PRIMARY', customerIdentifiers: { customerId: 566998132 } },
        memberAdded: { role: 'SECONDARY', customerIdentifiers: { customerId: 567219877 } },
      },
    });
    if (event.kind !== 'groupMemberAdded') {
      throw new Error(`unexpected kind ${event.kind}`);
    }
    expect(event.data.groupId).toBe(3918893);
    expect(event.data.memberAdded.customerIdentifiers.customerId).toBe(567219877);
    expect(event.data.primaryMember?.customerIdentifiers.customerId).toBe(566998132);
  });

  it('normalises the enriched sample: float ids become integers, tiers stay null', () => {
    const event = parseEvent(JSON.parse(ENRICHED_TIER_UPGRADED));
    if (event.kind !== 'tierUpgraded') {
      throw new Error(`unexpected kind ${event.kind}`);
    }
    expect(event.envelope.orgId).toBe(50952);
    expect(event.envelope.createdAt).toBe(1720440349027);
    expect(event.envelope.loyaltyEventId).toBeNull();
    expect(event.data.customerIdentifiers.customerId).toBe(379499720);
    expect(event.data.loyaltyProgramDetails?.tiers).toBeNull();
    expect(event.data.loyaltyProgramDetails?.isDefault).toBeNull();
    expect(event.data.upgradedTierNumber).toBe(1676);
    expect(event.data.triggeringActivity).toMatchObject({ name: 'name' });
  });

  it('accepts ids rendered as numeric strings, floats included', () => {
    const text = ENRICHED_TIER_UPGRADED.replace('379499720.0', '"379499720.0"').replace(
      '"loyaltyProgramId": 1676.0',
      '"loyaltyProgramId": "1676"',
    );
    const event = parseEvent(JSON.parse(text));
    expect(event.kind === 'tierUpgraded' && event.data.customerIdentifiers.customerId).toBe(379499720);
    expect(event.kind === 'tierUpgraded' && event.data.loyaltyProgramId).toBe(1676);
  });

  it('unwraps the legacy body wrapper and accepts a missing loyaltyProgramDetails', () => {
    const event = parseEvent(LEGACY_TIER_DOWNGRADED);
    expect(event.kind).toBe('tierDowngraded');
    expect(toEventBody(event)).toEqual(LEGACY_TIER_DOWNGRADED.body);
  });

  it('accepts a 2021 tierRenewed without loyaltyProgramDetails', () => {
    const raw = capillarySamples.tierRenewed();
    delete (raw['data'] as Record<string, unknown>)['loyaltyProgramDetails'];
    const event = parseEvent(raw);
    expect(event.kind === 'tierRenewed' && event.data.loyaltyProgramDetails).toBeUndefined();
  });

  it('accepts loyaltyProgramDetails: null and tiers missing', () => {
    const nullDetails = capillarySamples.tierUpgraded();
    (nullDetails['data'] as Record<string, unknown>)['loyaltyProgramDetails'] = null;
    const noTiers = capillarySamples.tierUpgraded();
    (noTiers['data'] as Record<string, unknown>)['loyaltyProgramDetails'] = {
      id: 978,
      name: 'DefaultProgram',
    };
    expect(parseEvent(nullDetails).kind).toBe('tierUpgraded');
    expect(parseEvent(noTiers).kind).toBe('tierUpgraded');
  });

  it("rejects the recipe's minimal example: no eventId, customerIdentifiers or loyaltyProgramId", () => {
    expect(violationsOf(() => parseEvent(SEED_000_MINIMAL))).toEqual([
      { path: 'data.customerIdentifiers', message: 'is required' },
      { path: 'data.loyaltyProgramId', message: 'is required' },
      { path: 'eventId', message: 'is required' },
    ]);
  });

  it("parses the recipe's minimal example once the three missing fields are added", () => {
    const completed = {
      ...SEED_000_MINIMAL,
      eventId: '5f7a3a52-9a43-4a0b-8d2b-2b1f0d0b6d4e',
      data: {
        ...SEED_000_MINIMAL.data,
        customerIdentifiers: { customerId: 347266498 },
        loyaltyProgramId: 973,
      },
    };
    expect(parseEvent(completed).kind).toBe('tierUpgraded');
  });

  it('keeps the raw-schema extras and unknown vendor fields', () => {
    const raw: Record<string, unknown> = {
      ...capillarySamples.tierUpgraded(),
      eventLogId: 5232,
      eventSearchKey: 'data.customerIdentifiers.customerId',
      traceAttributes: { traceId: 'abc' },
      newVendorField: { nested: [1, 2] },
    };
    const data = raw['data'] as Record<string, unknown>;
    data['customerIdentifiers'] = {
      customerId: 347266498,
      loyaltyType: 'loyalty',
      wechat: { accounts: [{ accountId: 'QHPETVS', identifiers: [] }] },
    };
    data['pointsEarned'] = 12.5;
    const event = parseEvent(raw);
    expect(toEventBody(event)).toEqual(raw);
    expect(event.envelope.eventLogId).toBe(5232);
    expect(event.envelope.traceAttributes).toEqual({ traceId: 'abc' });
  });

  it('returns an unhandled but well-formed event as kind unknown with its raw data', () => {
    const raw = {
      eventName: 'tierDowngradeReminder',
      eventId: '0d9c4f1e-1111-4a2b-9c3d-5e6f7a8b9c0d',
      data: {
        currentTierNumber: 2,
        scheduledDowngradeDate: '2026-01-01',
        customerIdentifiers: { customerId: 7 },
      },
    };
    const event = parseEvent(raw);
    expect(event).toEqual({
      kind: 'unknown',
      envelope: { eventName: 'tierDowngradeReminder', eventId: raw.eventId },
      data: raw.data,
    });
  });

  it('does not treat inherited property names as event names', () => {
    const event = parseEvent({ eventName: 'constructor', eventId: 'e-1', data: {} });
    expect(event.kind).toBe('unknown');
  });

  it('reads back its own output through JSON', () => {
    const event = parseEvent(JSON.parse(ENRICHED_TIER_UPGRADED));
    const again = parseEvent(JSON.parse(JSON.stringify(toEventBody(event))));
    expect(again).toEqual(event);
  });

  it('names the event and joins every violation in the error message', () => {
    const error = (() => {
      try {
        return parseEvent({ eventName: '', eventId: '', data: 1 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).message).toBe(
      'invalid webhook event: data: must be an object; eventId: must not be empty; eventName: must not be empty',
    );
  });
});

describe(unwrapLegacyBody.name, () => {
  it('takes the event out of the wrapper and leaves everything else as it is', () => {
    expect(unwrapLegacyBody(LEGACY_TIER_DOWNGRADED)).toBe(LEGACY_TIER_DOWNGRADED.body);
    const event = capillarySamples.tierUpgraded();
    expect(unwrapLegacyBody(event)).toBe(event);
    const named = { eventName: 'tierUpgraded', body: { eventName: 'tierUpgraded' } };
    expect(unwrapLegacyBody(named)).toBe(named);
    expect(unwrapLegacyBody({ body: 'text' })).toEqual({ body: 'text' });
  });
});
