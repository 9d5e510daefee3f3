import { type Clock, systemClock } from './clock';

export interface RateLimiterOptions {
  perMinute: number;
  burst?: number;
  clock?: Clock;
}

/**
 * GCRA, the scheduling form of a token bucket. Capillary counts per API key per minute, so spreading calls
 * evenly keeps us under the limit without ever bursting into 429s.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private readonly clock: Clock;
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(options: RateLimiterOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 0) {
      throw new RangeError(`perMinute must be >= 0, got ${options.perMinute}`);
    }
    const burst = Math.max(1, Math.floor(options.burst ?? 1));
    this.intervalMs = options.perMinute > 0 ? 60_000 / options.perMinute : 0;
    this.toleranceMs = (burst - 1) * this.intervalMs;
    this.clock = options.clock ?? systemClock;
  }

  get enabled(): boolean {
    return this.intervalMs > 0;
  }

  delayMs(): number {
    if (!this.enabled) {
      return 0;
    }
    return Math.max(0, this.nextAt - this.toleranceMs - this.clock.now());
  }

  /** Reserves synchronously, so callers queue in call order. */
  async acquire(): Promise<void> {
    if (!this.enabled) {
      return;
    }
    const now = this.clock.now();
    const startAt = Math.max(now, this.nextAt - this.toleranceMs);
    this.nextAt = Math.max(this.nextAt, startAt) + this.intervalMs;
    const wait = startAt - now;
    if (wait > 0) {
      await this.clock.sleep(wait);
    }
  }
}
