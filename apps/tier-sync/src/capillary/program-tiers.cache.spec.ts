import { FakeCapillary, PROGRAM_ID, unavailable } from '../../test/fake-capillary';
import { ProgramTiersCache } from './program-tiers.cache';

describe(ProgramTiersCache.name, () => {
  let now = 0;
  const clock = () => now;

  it('names a tier from the payload first, else from the cached program map', async () => {
    const api = new FakeCapillary();
    const cache = new ProgramTiersCache(api, 1000, clock);
    expect(await cache.nameOf(PROGRAM_ID, 2, [{ tierNumber: 2, tierName: 'Oro' }])).toBe('Oro');
    expect(api.calls).toHaveLength(0);
    const names = await Promise.all([cache.nameOf(PROGRAM_ID, 2, null), cache.nameOf(PROGRAM_ID, 3)]);
    expect(names).toEqual(['Gold', 'Platinum']);
    expect(await cache.nameOf(PROGRAM_ID, 9)).toBeUndefined();
    expect(api.callsOf('getProgramTiers')).toHaveLength(1);
    now += 1000;
    await cache.nameOf(PROGRAM_ID, 2);
    expect(api.callsOf('getProgramTiers')).toHaveLength(2);
  });

  it('does not cache a failed read', async () => {
    const api = new FakeCapillary().fail('getProgramTiers', PROGRAM_ID, unavailable());
    const cache = new ProgramTiersCache(api, 1000, clock);
    await expect(cache.tierMap(PROGRAM_ID)).rejects.toMatchObject({ status: 503 });
    expect((await cache.tierMap(PROGRAM_ID)).get(1)).toBe('Silver');
  });
});
