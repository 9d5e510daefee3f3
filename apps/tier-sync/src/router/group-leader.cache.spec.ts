import { GroupLeaderCache } from './group-leader.cache';

describe(GroupLeaderCache.name, () => {
  let now = 0;
  const clock = () => now;
  const secondaryOf = { groupId: 50, primaryCustomerId: 1, commandId: 'c1' };

  it('remembers leaders and non-leaders until the TTL', () => {
    const cache = new GroupLeaderCache(1000, 100, clock);
    cache.remember(1, 50);
    cache.remember(2, null);
    expect(cache.get(1)?.groupId).toBe(50);
    expect(cache.get(2)?.groupId).toBeNull();
    now += 1000;
    expect(cache.get(1)).toBeUndefined();
  });

  it('seeds secondaries without overwriting a known leader', () => {
    const cache = new GroupLeaderCache(1000, 100, clock);
    cache.remember(3, 60);
    cache.rememberSecondaries(secondaryOf, [2, 3]);
    expect(cache.get(2)).toMatchObject({ groupId: null, secondaryOf });
    expect(cache.get(3)?.groupId).toBe(60);
  });

  it('forgets a group, its seeded secondaries and the customers named', () => {
    const cache = new GroupLeaderCache(1000, 100, clock);
    cache.remember(1, 50);
    cache.rememberSecondaries(secondaryOf, [2]);
    cache.remember(4, null);
    cache.remember(5, 70);
    cache.forgetGroup(50, [4]);
    expect([1, 2, 4, 5].map((id) => cache.get(id)?.groupId)).toEqual([undefined, undefined, undefined, 70]);
  });

  it('is bounded, evicting the oldest entry', () => {
    const cache = new GroupLeaderCache(1000, 2, clock);
    [1, 2, 3].forEach((id) => {
      cache.remember(id, null);
    });
    expect(cache.size).toBe(2);
    expect(cache.get(1)).toBeUndefined();
  });

  it('caches nothing with a zero TTL', () => {
    const cache = new GroupLeaderCache(0, 10, clock);
    cache.remember(1, 50);
    expect(cache.get(1)).toBeUndefined();
  });
});
