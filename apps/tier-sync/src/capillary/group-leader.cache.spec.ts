import { testRouterConfig } from '../../test/sync-fixtures';
import { GroupLeaderCache } from './group-leader.cache';

describe(GroupLeaderCache.name, () => {
  // lru-cache's clock: never 0 (an entry stamped 0 never expires), and an entry expires once OLDER than its TTL.
  let now = 1;
  const clock = () => now;
  const leaderCache = (ttlMs: number, max: number) =>
    new GroupLeaderCache({ router: testRouterConfig({ groupCacheTtlMs: ttlMs }) }, clock, max);
  const secondaryOf = { groupId: 50, primaryCustomerId: 1, commandId: 'c1' };

  it('remembers leaders and non-leaders until the TTL', () => {
    const cache = leaderCache(1000, 100);
    cache.remember(1, 50);
    cache.remember(2, null);
    expect(cache.get(1)?.groupId).toBe(50);
    expect(cache.get(2)?.groupId).toBeNull();
    now += 1001;
    expect(cache.get(1)).toBeUndefined();
  });

  it('seeds secondaries without overwriting a known leader', () => {
    const cache = leaderCache(1000, 100);
    cache.remember(3, 60);
    cache.rememberSecondaries(secondaryOf, [2, 3]);
    expect(cache.get(2)).toMatchObject({ groupId: null, secondaryOf });
    expect(cache.get(3)?.groupId).toBe(60);
  });

  it('forgets a group, its seeded secondaries and the customers named', () => {
    const cache = leaderCache(1000, 100);
    cache.remember(1, 50);
    cache.rememberSecondaries(secondaryOf, [2]);
    cache.remember(4, null);
    cache.remember(5, 70);
    cache.forgetGroup(50, [4]);
    expect([1, 2, 4, 5].map((id) => cache.get(id)?.groupId)).toEqual([undefined, undefined, undefined, 70]);
  });

  it('is bounded, evicting the oldest entry', () => {
    const cache = leaderCache(1000, 2);
    [1, 2, 3].forEach((id) => {
      cache.remember(id, null);
    });
    expect(cache.size).toBe(2);
    expect(cache.get(1)).toBeUndefined();
  });

  it('caches nothing with a zero TTL', () => {
    const cache = leaderCache(0, 10);
    cache.remember(1, 50);
    expect(cache.get(1)).toBeUndefined();
  });
});
