import { FakeClock, flush } from '../test/fake-clock';
import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  let clock: FakeClock;

  beforeEach(() => {
    clock = new FakeClock();
  });

  function startAll(sut: RateLimiter, n: number): number[] {
    const granted: number[] = [];
    for (let i = 0; i < n; i++) {
      void sut.acquire().then(() => granted.push(clock.now()));
    }
    return granted;
  }

  it('spaces requests evenly at 60 000 / perMinute ms', async () => {
    const sut = new RateLimiter({ perMinute: 120, clock });
    const start = clock.now();
    const granted = startAll(sut, 4);

    await flush();
    expect(granted).toEqual([start]);
    await clock.advance(499);
    expect(granted).toHaveLength(1);
    await clock.advance(1);
    expect(granted).toEqual([start, start + 500]);
    await clock.advance(1000);
    expect(granted).toEqual([start, start + 500, start + 1000, start + 1500]);
  });

  it('never grants more than perMinute requests in any minute', async () => {
    const sut = new RateLimiter({ perMinute: 30, clock });
    const granted = startAll(sut, 90);

    await flush();
    await clock.advance(180_000);
    expect(granted).toHaveLength(90);
    for (let i = 30; i < granted.length; i++) {
      expect(granted[i]! - granted[i - 30]!).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('lets a burst start together after idling, then spaces the rest', async () => {
    const sut = new RateLimiter({ perMinute: 60, burst: 3, clock });
    const start = clock.now();
    const granted = startAll(sut, 5);

    await flush();
    expect(granted).toEqual([start, start, start]);
    await clock.advance(2000);
    expect(granted).toEqual([start, start, start, start + 1000, start + 2000]);
  });

  it('does not bank unused time beyond the burst', async () => {
    const sut = new RateLimiter({ perMinute: 60, clock });
    await sut.acquire();
    await clock.advance(10_000);
    const start = clock.now();
    const granted = startAll(sut, 2);

    await flush();
    expect(granted).toEqual([start]);
    await clock.advance(999);
    expect(granted).toEqual([start]);
    await clock.advance(1);
    expect(granted).toEqual([start, start + 1000]);
    expect(sut.delayMs()).toBe(1000);
  });

  it('holds every caller, also those already waiting for a slot, until a pause ends', async () => {
    const sut = new RateLimiter({ perMinute: 60, clock });
    const start = clock.now();
    const granted = startAll(sut, 3);
    await flush();

    sut.pauseUntil(start + 10_000);
    await clock.advance(9_999);
    expect(granted).toEqual([start]);
    await clock.advance(1);
    expect(granted).toEqual([start, start + 10_000]);
    await clock.advance(1000);
    expect(granted).toEqual([start, start + 10_000, start + 11_000]);
  });

  it('respaces waiting callers when the rate changes, keeping the slots already granted', async () => {
    const sut = new RateLimiter({ perMinute: 60, clock });
    const start = clock.now();
    const granted = startAll(sut, 3);
    await flush();

    sut.setPerMinute(30);
    await clock.advance(6000);
    expect(granted).toEqual([start, start + 2000, start + 4000]);
    expect(sut.perMinute).toBe(30);
  });

  it('a pause holds a limiter without a rate too, which keeps no rate', async () => {
    const sut = new RateLimiter({ perMinute: 0, clock });
    const start = clock.now();
    sut.pauseUntil(start + 5000);
    sut.setPerMinute(30);
    const granted = startAll(sut, 3);

    await flush();
    expect(granted).toEqual([]);
    await clock.advance(5000);
    expect(granted).toEqual([start + 5000, start + 5000, start + 5000]);
    expect(sut.perMinute).toBe(0);
  });

  it('is disabled at 0 per minute and rejects negative limits', async () => {
    const sut = new RateLimiter({ perMinute: 0, clock });
    const granted = startAll(sut, 100);

    await flush();
    expect(granted).toHaveLength(100);
    expect(sut.enabled).toBe(false);
    expect(() => new RateLimiter({ perMinute: -1 })).toThrow(RangeError);
  });
});
