import { FakeCapillary, PARTNER_PROGRAM, unavailable } from '../../test/fake-capillary';
import { testRouterConfig } from '../../test/sync-fixtures';
import { PartnerTiersCache } from './partner-tiers.cache';

describe(PartnerTiersCache.name, () => {
  // lru-cache's clock: never 0 (an entry stamped 0 never expires), and an entry expires once OLDER than its TTL.
  let now = 1;
  const clock = () => now;
  const config = { router: testRouterConfig({ tierMapTtlMs: 1000 }) };
  const lookups = (api: FakeCapillary) => api.callsOf('getOrganizationPrograms').length;

  it('names partner tiers from one org-wide read, shared by concurrent callers, until the TTL ends', async () => {
    const api = new FakeCapillary();
    const cache = new PartnerTiersCache(api, config, clock);
    const names = await Promise.all([cache.nameOf(PARTNER_PROGRAM, 1), cache.nameOf(PARTNER_PROGRAM, 3)]);
    expect(names).toEqual(['Silver', 'Platinum']);
    expect(await cache.nameOf(PARTNER_PROGRAM, 2)).toBe('Gold');
    expect(lookups(api)).toBe(1);
    now += 1001;
    await cache.nameOf(PARTNER_PROGRAM, 2);
    expect(lookups(api)).toBe(2);
  });

  it('reads again once on an unknown number or program before answering undefined', async () => {
    const api = new FakeCapillary();
    const cache = new PartnerTiersCache(api, config, clock);
    await cache.nameOf(PARTNER_PROGRAM, 1);
    expect(await cache.nameOf(PARTNER_PROGRAM, 9)).toBeUndefined();
    expect(await cache.nameOf('Other-Partner', 1)).toBeUndefined();
    expect(lookups(api)).toBe(3);
  });

  it('answers from the first read when it is itself the refresh', async () => {
    const api = new FakeCapillary();
    const cache = new PartnerTiersCache(api, config, clock);
    expect(await cache.nameOf(PARTNER_PROGRAM, 9)).toBeUndefined();
    expect(lookups(api)).toBe(1);
  });

  it('does not cache a failed read', async () => {
    const api = new FakeCapillary().fail('getOrganizationPrograms', 0, unavailable());
    const cache = new PartnerTiersCache(api, config, clock);
    await expect(cache.nameOf(PARTNER_PROGRAM, 1)).rejects.toMatchObject({ status: 503 });
    expect(await cache.nameOf(PARTNER_PROGRAM, 1)).toBe('Silver');
    expect(lookups(api)).toBe(2);
  });
});
