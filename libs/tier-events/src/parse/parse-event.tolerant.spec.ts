import { capillarySamples } from '../samples/capillary.samples';
import { plausibleVariants } from '../testing/plausible-variants';
import { tierChangeOf } from '../tiers/tier-change';
import { tierNameOf } from '../tiers/tier-name';
import { parseEvent } from './parse-event';
import type { ParsedTierEvent } from './parsed-event';

type Json = Record<string, unknown>;

function tierEvent(raw: unknown): ParsedTierEvent {
  const event = parseEvent(raw);
  if (event.kind !== 'tierUpgraded' && event.kind !== 'tierDowngraded' && event.kind !== 'tierRenewed') {
    throw new Error(`unexpected kind ${event.kind}`);
  }
  return event;
}

describe(`${parseEvent.name} on fields tiersync does not read`, () => {
  it.each(Object.entries(plausibleVariants))('accepts %s and keeps the field as sent', (_, variant) => {
    const raw = variant();
    expect(JSON.parse(JSON.stringify(parseEvent(variant())))).toMatchObject(
      JSON.parse(JSON.stringify({ data: raw['data'] })) as Json,
    );
  });

  it.each([
    ['orgId', 'acme'],
    ['traceAttributes', []],
    ['data.upgradeType', 7],
    ['data.notes', { text: 'x' }],
    ['data.customerIdentifiers.instore', 'n/a'],
    ['data.entityInformation.entityId', -1],
    ['data.loyaltyProgramDetails.isDefault', 'yes'],
    ['data.loyaltyProgramDetails.pointsToCurrencyRatio', 'one'],
    ['data.tierExpiryDateInMillis', '2026-08-19'],
  ])('accepts %s = %p', (path, value) => {
    const raw = capillarySamples.tierUpgraded();
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node: Json = raw;
    for (const key of keys) {
      node = node[key] as Json;
    }
    node[last] = value;
    expect(parseEvent(raw).kind).toBe('tierUpgraded');
  });

  it('names a tier whose payload name is empty from the program tier map instead', () => {
    const change = tierChangeOf(tierEvent(plausibleVariants['empty tierName in tiers']?.()));
    expect(tierNameOf(change.programId, 1, change.tiers)).toBeUndefined();
    expect(tierNameOf(change.programId, 1, change.tiers, new Map([[1, 'Silver']]))).toBe('Silver');
    expect(tierNameOf(change.programId, 2, change.tiers)).toBe('Gold');
  });
});
