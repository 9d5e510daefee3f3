import { FakeClock, flush } from '../test/fake-clock';
import { AdaptiveRateLimit, MAX_PAUSE_MS, QUOTA_WINDOW_MS } from './adaptive-rate-limit';
import { RateLimiter } from './rate-limiter';

describe(AdaptiveRateLimit.name, () => {
  let clock: FakeClock;

  beforeEach(() => {
    clock = new FakeClock();
  });

  function limit(perMinute: number): AdaptiveRateLimit {
    return new AdaptiveRateLimit(new RateLimiter({ perMinute, clock }), clock);
  }

  it('pauses every caller for Retry-After, including those already queued', async () => {
    const sut = limit(600);
    const start = clock.now();
    const waited: number[] = [];
    for (let i = 0; i < 3; i++) {
      void sut.acquire().then((ms) => waited.push(ms));
    }
    await flush();

    expect(sut.throttled(30_000)).toBe(30_000);
    await clock.advance(29_999);
    expect(waited).toEqual([0]);
    expect(sut.state.pausedForMs).toBe(1);
    await clock.advance(1);
    expect(waited).toEqual([0, 30_000]);
    expect(clock.now() - start).toBe(30_000);
  });

  it('halves the rate once per quota window, however many 429s arrive in it', () => {
    const sut = limit(100);

    sut.throttled(1000);
    sut.throttled(1000);
    sut.throttled(1000);
    expect(sut.state).toMatchObject({ perMinute: 50, configuredPerMinute: 100 });
  });

  it('halves again for a 429 in each later window, after that window gave back its tenth', async () => {
    const sut = limit(100);
    const rates: number[] = [];

    for (let i = 0; i < 3; i++) {
      sut.throttled(0);
      rates.push(sut.state.perMinute);
      await clock.advance(QUOTA_WINDOW_MS);
    }
    expect(rates).toEqual([50, 30, 20]);
  });

  it('never goes below one request a minute', () => {
    const sut = limit(1);

    sut.throttled(0);
    expect(sut.state.perMinute).toBe(1);
  });

  it('gives back a tenth of the configured rate for every window without a 429, up to the configured rate', async () => {
    const sut = limit(100);
    sut.throttled(10_000);

    await clock.advance(10_000 + QUOTA_WINDOW_MS - 1);
    expect(sut.state.perMinute).toBe(50);
    await clock.advance(1);
    expect(sut.state.perMinute).toBe(60);
    await clock.advance(3 * QUOTA_WINDOW_MS);
    expect(sut.state.perMinute).toBe(90);
    await clock.advance(5 * QUOTA_WINDOW_MS);
    expect(sut.state.perMinute).toBe(100);
  });

  it('spaces the calls at the lowered rate after a 429', async () => {
    const sut = limit(60);
    sut.throttled(0);
    const waited: number[] = [];
    for (let i = 0; i < 3; i++) {
      void sut.acquire().then((ms) => waited.push(ms));
    }

    await clock.advance(4000);
    expect(waited).toEqual([0, 2000, 4000]);
  });

  it('without Retry-After pauses 1 s, doubling for each 429 in a row until an answer gets through', () => {
    const sut = limit(100);

    expect([sut.throttled(undefined), sut.throttled(undefined), sut.throttled(undefined)]).toEqual([
      1000, 2000, 4000,
    ]);
    sut.succeeded();
    expect(sut.throttled(undefined)).toBe(1000);
  });

  it('caps a pause, so a wrong Retry-After cannot stop the client for good', () => {
    const sut = limit(100);

    expect(sut.throttled(24 * 3_600_000)).toBe(MAX_PAUSE_MS);
    expect(sut.state.pausedForMs).toBe(MAX_PAUSE_MS);
  });

  it('without a configured rate honours the pause and keeps no rate', async () => {
    const sut = limit(0);
    const waited: number[] = [];

    sut.throttled(5000);
    void sut.acquire().then((ms) => waited.push(ms));
    await flush();
    expect(waited).toEqual([]);
    await clock.advance(5000);
    expect(waited).toEqual([5000]);
    expect(sut.state.perMinute).toBe(0);
  });
});
