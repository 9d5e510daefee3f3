import {
  CAPILLARY_RETRY_SCHEDULE,
  nextRetryInMs,
  retryAfterMs,
  type WebhookRetrySchedule,
} from './webhook-retry';

const HOUR_MS = 60 * 60 * 1000;

const schedule = (over: Partial<WebhookRetrySchedule> = {}): WebhookRetrySchedule => ({
  maxAttempts: 10,
  backoffMs: 1_000,
  maxBackoffMs: 5_000,
  maxElapsedMs: 60_000,
  ...over,
});

describe(nextRetryInMs.name, () => {
  it('doubles the wait per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => nextRetryInMs(schedule(), attempt, 0))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });

  it('waits at least what Retry-After asks, and no longer than the backoff when it asks for less', () => {
    expect(nextRetryInMs(schedule(), 1, 0, 30_000)).toBe(30_000);
    expect(nextRetryInMs(schedule(), 3, 0, 10)).toBe(4_000);
  });

  it('gives up after the last attempt, or when the next one would start past the elapsed limit', () => {
    expect(nextRetryInMs(schedule({ maxAttempts: 3 }), 2, 0)).toBe(2_000);
    expect(nextRetryInMs(schedule({ maxAttempts: 3 }), 3, 0)).toBeUndefined();
    expect(nextRetryInMs(schedule(), 4, 55_000)).toBe(5_000);
    expect(nextRetryInMs(schedule(), 4, 55_001)).toBeUndefined();
    expect(nextRetryInMs(schedule(), 1, 0, 60_001)).toBeUndefined();
  });

  it('keeps a zero backoff at zero however many attempts there were', () => {
    expect(nextRetryInMs(schedule({ backoffMs: 0, maxAttempts: Infinity }), 5_000, 0)).toBe(0);
  });

  it("follows Capillary's schedule on a fake clock: exponential, hourly at most, for 7 days, then moves on", () => {
    let now = 0;
    const waits: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const wait = nextRetryInMs(CAPILLARY_RETRY_SCHEDULE, attempt, now);
      if (wait === undefined) {
        break;
      }
      waits.push(wait);
      now += wait;
    }
    expect(waits.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...waits)).toBe(HOUR_MS);
    expect(now).toBeLessThanOrEqual(7 * 24 * HOUR_MS);
    expect(now).toBeGreaterThan(7 * 24 * HOUR_MS - HOUR_MS);
  });
});

describe(retryAfterMs.name, () => {
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);

  it('reads delay-seconds and HTTP-dates against the clock', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs(new Date(now + 7_000).toUTCString(), now)).toBe(7_000);
    expect(retryAfterMs(new Date(now - 7_000).toUTCString(), now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
