import { type Clock, systemClock } from './clock';

export interface RateLimiterOptions {
  perMinute: number;
  burst?: number;
  clock?: Clock;
}

/**
 * GCRA: Capillary counts per API key per minute, so evenly spread calls never burst into 429s. A new rate
 * or pause only moves the next free slot; callers already waiting re-reserve against it.
 */
export class RateLimiter {
  private intervalMs: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private nextAt = Number.NEGATIVE_INFINITY;
  private lastGrantedAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** Bumped by a pause or a rate change: every caller still asleep reserves again under the new one. */
  private schedule = 0;

  constructor(options: RateLimiterOptions) {
    this.burst = Math.max(1, Math.floor(options.burst ?? 1));
    this.intervalMs = intervalOf(options.perMinute);
    this.clock = options.clock ?? systemClock;
  }

  get enabled(): boolean {
    return this.intervalMs > 0;
  }

  get perMinute(): number {
    return this.enabled ? 60_000 / this.intervalMs : 0;
  }

  delayMs(): number {
    return Math.max(0, this.startAt(this.clock.now()) - this.clock.now());
  }

  pauseUntil(at: number): void {
    if (at <= this.pausedUntil) {
      return;
    }
    this.pausedUntil = at;
    this.reschedule();
  }

  /** Only a limiter created enabled can change its rate: 0 means the caller chose no limit. */
  setPerMinute(perMinute: number): void {
    if (!this.enabled || perMinute <= 0) {
      return;
    }
    const intervalMs = intervalOf(perMinute);
    if (intervalMs !== this.intervalMs) {
      this.intervalMs = intervalMs;
      this.reschedule();
    }
  }

  /** Reserves synchronously, so callers queue in call order. Resolves with the time waited, in ms. */
  async acquire(): Promise<number> {
    const started = this.clock.now();
    for (;;) {
      const now = this.clock.now();
      const startAt = this.startAt(now);
      if (this.enabled) {
        this.nextAt = Math.max(this.nextAt, startAt) + this.intervalMs;
      }
      if (startAt <= now) {
        return this.granted(startAt, started);
      }
      const schedule = this.schedule;
      await this.clock.sleep(startAt - now);
      if (schedule === this.schedule) {
        return this.granted(startAt, started);
      }
    }
  }

  private granted(slot: number, started: number): number {
    this.lastGrantedAt = Math.max(this.lastGrantedAt, slot);
    return this.clock.now() - started;
  }

  /** Reservations of sleeping callers are void (they reserve again); only granted slots still count. */
  private reschedule(): void {
    this.nextAt = Math.max(this.lastGrantedAt + this.intervalMs, this.pausedUntil);
    this.schedule++;
  }

  private startAt(now: number): number {
    const toleranceMs = (this.burst - 1) * this.intervalMs;
    const slot = this.enabled ? this.nextAt - toleranceMs : Number.NEGATIVE_INFINITY;
    return Math.max(now, this.pausedUntil, slot);
  }
}

function intervalOf(perMinute: number): number {
  if (!Number.isFinite(perMinute) || perMinute < 0) {
    throw new RangeError(`perMinute must be >= 0, got ${perMinute}`);
  }
  return perMinute > 0 ? 60_000 / perMinute : 0;
}
