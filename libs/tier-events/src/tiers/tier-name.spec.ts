import { tierNameOf } from './tier-name';

const PAYLOAD = [
  { tierNumber: 1, tierName: 'Silver' },
  { tierNumber: 2, tierName: 'Gold' },
];
const PROGRAM_973 = new Map([
  [2, 'Gold (program map)'],
  [3, 'Platinum'],
]);

describe(tierNameOf.name, () => {
  it('prefers the payload tiers', () => {
    expect(tierNameOf(973, 2, PAYLOAD, PROGRAM_973)).toBe('Gold');
  });

  it('falls back to the caller map when the payload has no such tier, or no tiers', () => {
    expect(tierNameOf(973, 3, PAYLOAD, PROGRAM_973)).toBe('Platinum');
    expect(tierNameOf(973, 3, null, PROGRAM_973)).toBe('Platinum');
    expect(tierNameOf(973, 2, undefined, PROGRAM_973)).toBe('Gold (program map)');
  });

  it('asks a per-program lookup for the right program', () => {
    const lookup = (programId: number) => (programId === 973 ? PROGRAM_973 : undefined);
    expect(tierNameOf(973, 3, null, lookup)).toBe('Platinum');
    expect(tierNameOf(974, 3, null, lookup)).toBeUndefined();
  });

  it('returns undefined when nobody knows the tier', () => {
    expect(tierNameOf(973, 9, PAYLOAD, PROGRAM_973)).toBeUndefined();
    expect(tierNameOf(973, 9, PAYLOAD)).toBeUndefined();
  });
});
