import { FakeCapillary, PROGRAM_ID, unavailable } from '../../test/fake-capillary';
import { testRouterConfig } from '../../test/sync-fixtures';
import { ProgramTiersCache } from './program-tiers.cache';

describe(ProgramTiersCache.name, () => {
  // lru-cache's clock: never 0 (an entry stamped 0 never expires), and an entry expires once OLDER than its TTL.
  let now = 1;
  const clock = () => now;
  const config = { router: testRouterConfig({ tierMapTtlMs: 1000 }) };

  it('names a tier from the payload first, else from the cached program map', async () => {
    const api = new FakeCapillary();
    const cache = new ProgramTiersCache(api, config, clock);
    expect(await cache.nameOf(PROGRAM_ID, 2, [{ tierNumber: 2, tierName: 'Oro' }])).toBe('Oro');
    expect(api.calls).toHaveLength(0);
    const names = await Promise.all([cache.nameOf(PROGRAM_ID, 2, null), cache.nameOf(PROGRAM_ID, 3)]);
    expect(names).toEqual(['Gold', 'Platinum']);
    expect(await cache.nameOf(PROGRAM_ID, 9)).toBeUndefined();
    expect(api.callsOf('getProgramTiers')).toHaveLength(1);
    now += 1001;
    await cache.nameOf(PROGRAM_ID, 2);
    expect(api.callsOf('getProgramTiers')).toHaveLength(2);
  });

  it('does not cache a failed read', async () => {
    const api = new FakeCapillary().fail('getProgramTiers', PROGRAM_ID, unavailable());
    const cache = new ProgramTiersCache(api, config, clock);
    await expect(cache.tierMap(PROGRAM_ID)).rejects.toMatchObject({ status: 503 });
    expect((await cache.tierMap(PROGRAM_ID)).get(1)).toBe('Silver');
  });
});
