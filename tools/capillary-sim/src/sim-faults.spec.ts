import { SeededRandom } from './seeded-random';
import { FaultInjector } from './sim-faults';

describe(FaultInjector.name, () => {
  const injector = (seed = 1) => {
    const random = new SeededRandom(seed);
    return new FaultInjector(() => random);
  };

  it('injects nothing without rules and always with rate 1', () => {
    const sut = injector();
    expect(sut.decide('tiers')).toEqual({ kind: 'none' });

    sut.set({
      endpoints: { tiers: { rate521: 1, retryAfter: 'Wed, 21 Oct 2025 07:28:00 GMT' }, '*': { rateHang: 1 } },
    });
    expect(sut.decide('tiers')).toEqual({
      kind: 'error',
      status: 521,
      retryAfter: 'Wed, 21 Oct 2025 07:28:00 GMT',
    });
    expect(sut.decide('customers')).toEqual({ kind: 'hang' });
  });

  it('replays the same faults for the same seed and hits about the configured rate', () => {
    const run = (seed: number) => {
      const sut = injector(seed);
      sut.set({ endpoints: { '*': { rate500: 0.3 } } });
      return Array.from({ length: 1000 }, () => sut.decide('manualSlabAdjustment').kind);
    };

    const first = run(99);
    expect(run(99)).toEqual(first);
    expect(run(100)).not.toEqual(first);
    const errors = first.filter((k) => k === 'error').length;
    expect(errors).toBeGreaterThan(240);
    expect(errors).toBeLessThan(360);
  });

  it('adds fixed latency plus jitter below the bound', () => {
    const sut = injector();
    sut.set({ latency: { fixedMs: 100, jitterMs: 50 } });

    const samples = Array.from({ length: 200 }, () => sut.latencyMs());

    expect(Math.min(...samples)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...samples)).toBeLessThan(150);
  });

  it('limits requests per sliding minute and says when a slot frees up', () => {
    const sut = injector();
    sut.set({ requestsPerMinute: 2 });
    const t0 = 1_000_000;

    expect(sut.rateLimited(t0)).toBeUndefined();
    expect(sut.rateLimited(t0 + 10_000)).toBeUndefined();
    expect(sut.rateLimited(t0 + 20_000)).toBe(40);
    expect(sut.rateLimited(t0 + 59_500)).toBe(1);
    expect(sut.rateLimited(t0 + 60_000)).toBeUndefined();
    expect(sut.rateLimited(t0 + 60_001)).toBe(10);
  });

  it('answers 429 without Retry-After when told to, as the documents allow', () => {
    const sut = injector();
    sut.set({
      requestsPerMinute: 1,
      rateLimitRetryAfter: false,
      endpoints: { tiers: { rate429: 1, retryAfter: false }, customers: { rate429: 1 } },
    });
    const t0 = 1_000_000;

    expect(sut.rateLimited(t0)).toBeUndefined();
    expect(sut.rateLimited(t0 + 1)).toBeNull();
    expect(sut.decide('tiers')).toEqual({ kind: 'error', status: 429 });
    expect(sut.decide('customers')).toEqual({ kind: 'error', status: 429, retryAfter: '1' });
  });
});

describe(SeededRandom.name, () => {
  it('draws uniform numbers in [0, 1) and version-4-shaped uuids', () => {
    const sut = new SeededRandom(5);
    const draws = Array.from({ length: 1000 }, () => sut.next());

    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(sut.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sut.chance(0)).toBe(false);
    expect(sut.chance(undefined)).toBe(false);
  });
});
