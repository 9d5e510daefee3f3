import { parseEvent } from '../parse/parse-event';
import type { ParsedTierEvent } from '../parse/parsed-event';
import { capillarySamples } from '../samples/capillary.samples';
import { tierChangeOf } from './tier-change';

function tierEvent(raw: Record<string, unknown>): ParsedTierEvent {
  const event = parseEvent(raw);
  if (event.kind !== 'tierUpgraded' && event.kind !== 'tierDowngraded' && event.kind !== 'tierRenewed') {
    throw new Error(`not a tier event: ${event.kind}`);
  }
  return event;
}

const TIERS = [
  { tierNumber: 1, tierName: 'Silver' },
  { tierNumber: 2, tierName: 'Gold' },
];

describe(tierChangeOf.name, () => {
  it('describes an upgrade', () => {
    expect(tierChangeOf(tierEvent(capillarySamples.tierUpgraded(5)))).toEqual({
      customerId: 5,
      programId: 978,
      tierNumber: 2,
      previousTierNumber: 1,
      action: 'UPGRADE',
      entityType: 'USER',
      tierExpiryDate: '2026-08-19',
      tiers: TIERS,
    });
  });

  it('describes a downgrade', () => {
    const change = tierChangeOf(tierEvent(capillarySamples.tierDowngraded(6)));
    expect(change).toMatchObject({
      customerId: 6,
      tierNumber: 1,
      previousTierNumber: 2,
      action: 'DOWNGRADE',
    });
  });

  it('describes a renewal, which has no previous tier', () => {
    const change = tierChangeOf(tierEvent(capillarySamples.tierRenewed(7)));
    expect(change).toMatchObject({ customerId: 7, tierNumber: 2, action: 'RENEWAL' });
    expect(change).not.toHaveProperty('previousTierNumber');
  });

  it('leaves out what the event does not carry and gives null tiers', () => {
    const raw = capillarySamples.tierUpgraded(8);
    const data = raw['data'] as Record<string, unknown>;
    for (const key of ['previousTierNumber', 'entityInformation', 'tierExpiryDate']) {
      Reflect.deleteProperty(data, key);
    }
    data['loyaltyProgramDetails'] = null;
    expect(tierChangeOf(tierEvent(raw))).toEqual({
      customerId: 8,
      programId: 978,
      tierNumber: 2,
      action: 'UPGRADE',
      tiers: null,
    });
  });

  it("ignores payload tiers that belong to another program than the event's", () => {
    const raw = capillarySamples.tierUpgraded(9);
    const details = (raw['data'] as Record<string, Record<string, unknown>>)['loyaltyProgramDetails'];
    if (details === undefined) {
      throw new Error('sample without loyaltyProgramDetails');
    }
    details['id'] = 555;
    expect(tierChangeOf(tierEvent(raw)).tiers).toBeNull();
  });
});
