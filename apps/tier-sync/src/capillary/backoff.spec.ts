import { backoffDelay, retryTopicDelay } from './backoff';

describe(backoffDelay.name, () => {
  it('grows exponentially up to the cap, fully jittered', () => {
    const options = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
  });

  it('never undercuts Retry-After', () => {
    expect(backoffDelay(1, { baseMs: 100, maxMs: 1000, retryAfterMs: 700 }, () => 0.5)).toBe(700);
  });
});

describe(retryTopicDelay.name, () => {
  it('doubles per attempt with half of it jittered, capped, at least Retry-After', () => {
    const options = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4].map((n) => retryTopicDelay(n, options, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryTopicDelay(2, options, () => 0)).toBe(1000);
    expect(retryTopicDelay(1, { ...options, retryAfterMs: 60_000 }, () => 1)).toBe(60_000);
  });
});
