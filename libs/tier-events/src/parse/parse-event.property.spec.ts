import fc from 'fast-check';
import { parseEvent, toEventBody } from './parse-event';

type IdStyle = 'number' | 'string' | 'float-string';
type Json = Record<string, unknown>;

/** How the vendor may render an id; all three must parse to the same number. */
function render(id: number, style: IdStyle): number | string {
  switch (style) {
    case 'number':
      return id;
    case 'string':
      return String(id);
    case 'float-string':
      return `${id}.0`;
  }
}

const id = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const tierNumber = fc.integer({ min: 1, max: 50 });
const text = fc.string({ maxLength: 20 });
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
/** Vendor additions the parser must keep; the prefix keeps them clear of documented names. */
const extras = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x_${key}`),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

const envelope = fc.record(
  {
    eventId: fc.uuid(),
    orgId: id,
    refId: text,
    apiRequestId: text,
    createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    loyaltyEventId: fc.option(text, { nil: null }),
    eventLogId: id,
    eventSearchKey: text,
  },
  { requiredKeys: ['eventId'] },
);

const tiers = fc.option(fc.array(fc.record({ tierNumber, tierName: name }), { maxLength: 4 }), { nil: null });

const tierData = fc.record(
  {
    customerId: id,
    loyaltyProgramId: id,
    loyaltyProgramDetails: fc.option(
      fc.record(
        {
          id,
          name: text,
          isDefault: fc.boolean(),
          pointsToCurrencyRatio: fc.double({ noNaN: true, noDefaultInfinity: true }),
          tiers,
        },
        { requiredKeys: [] },
      ),
      { nil: null },
    ),
    entityInformation: fc.record({ entityType: fc.constantFrom('USER', 'USERGROUP2'), entityId: id }),
    tierNumber,
    previousTierNumber: fc.integer({ min: 0, max: 50 }),
    tierExpiryDate: text,
    tierExpiryDateInMillis: fc.nat(),
    notes: text,
  },
  { requiredKeys: ['customerId', 'loyaltyProgramId', 'tierNumber'] },
);

const tierEvent = fc
  .tuple(fc.constantFrom('tierUpgraded', 'tierDowngraded', 'tierRenewed'), envelope, tierData, extras)
  .map(([eventName, env, { customerId, tierNumber: tier, ...data }, extra]) => {
    const tierField = {
      tierUpgraded: 'upgradedTierNumber',
      tierDowngraded: 'downgradedTierNumber',
      tierRenewed: 'currentTierNumber',
    }[eventName];
    return {
      ...env,
      eventName,
      data: { ...data, ...extra, customerIdentifiers: { customerId }, [tierField]: tier },
    };
  });

const member = fc
  .record(
    { firstName: text, lastName: text, role: fc.constantFrom('PRIMARY', 'SECONDARY'), customerId: id },
    { requiredKeys: ['customerId'] },
  )
  .map(({ customerId, ...rest }) => ({ ...rest, customerIdentifiers: { customerId } }));

const groupEvent = fc
  .tuple(fc.constantFrom('groupMemberAdded', 'groupMemberRemoved'), envelope, id, member, member, text)
  .map(([eventName, env, groupId, primaryMember, subject, groupName]) => ({
    ...env,
    eventName,
    data: {
      groupId,
      groupName,
      primaryMember,
      [eventName === 'groupMemberAdded' ? 'memberAdded' : 'memberRemoved']: subject,
    },
  }));

const partnerEvent = fc
  .tuple(envelope, id, id, name, fc.option(tierNumber, { nil: null }))
  .map(([env, customerId, partnerProgramId, partnerProgramName, partnerTierNumber]) => ({
    ...env,
    eventName: 'partnerProgramUpdated',
    data: {
      customerIdentifiers: { customerId },
      partnerProgramId,
      partnerProgramName,
      updateType: 'UPGRADE',
      customerPartnerProgramDetails: { partnerTierNumber, membershipNumber: 'm-1' },
    },
  }));

const anyEvent = fc.oneof(tierEvent, groupEvent, partnerEvent);

/** Renders every customer/group/program id of a canonical event in one style. */
function withIdStyle(event: Json, style: IdStyle): Json {
  const idKeys = new Set(['customerId', 'loyaltyProgramId', 'groupId']);
  return JSON.parse(JSON.stringify(event), (key, value: unknown) =>
    idKeys.has(key) && typeof value === 'number' ? render(value, style) : value,
  ) as Json;
}

describe(parseEvent.name, () => {
  it('keeps the content of any valid event through JSON.stringify -> parseEvent', () => {
    fc.assert(
      fc.property(anyEvent, (raw) => {
        const canonical = JSON.parse(JSON.stringify(raw)) as Json;
        const parsed = parseEvent(JSON.parse(JSON.stringify(raw)));
        expect(JSON.parse(JSON.stringify(toEventBody(parsed)))).toEqual(canonical);
      }),
    );
  });

  it('normalises ids however they are rendered', () => {
    fc.assert(
      fc.property(anyEvent, fc.constantFrom<IdStyle>('string', 'float-string'), (raw, style) => {
        const canonical = JSON.parse(JSON.stringify(raw)) as Json;
        const parsed = parseEvent(withIdStyle(raw, style));
        expect(JSON.parse(JSON.stringify(toEventBody(parsed)))).toEqual(canonical);
      }),
    );
  });
});
