import { type Clock, systemClock } from './clock';
import { type RateLimiter } from './rate-limiter';

/** Capillary counts requests per API key per minute (docs/architecture.md, API fact 21). */
export const QUOTA_WINDOW_MS = 60_000;
export const RECOVERY_SHARE = 0.1;
const MIN_PER_MINUTE = 1;
/** The vendor documents no Retry-After: without one the pause doubles per 429 in a row, from 1 s. */
const FALLBACK_PAUSE_MS = 1_000;
/** A pause is capped so that a wrong header cannot stop the process for good. */
export const MAX_PAUSE_MS = 300_000;

export interface RateLimitState {
  perMinute: number;
  configuredPerMinute: number;
  pausedForMs: number;
}

/**
 * All calls of one client pause together on a 429, and the rate halves at most once per quota window (more
 * 429s in one window answer the same overload); each quiet window gives back a tenth of the configured rate.
 */
export class AdaptiveRateLimit {
  private readonly configured: number;
  private current: number;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private lastHalvedAt = Number.NEGATIVE_INFINITY;
  private calmSince = Number.NEGATIVE_INFINITY;
  private throttledInARow = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock = systemClock,
  ) {
    this.configured = limiter.perMinute;
    this.current = this.configured;
  }

  get state(): RateLimitState {
    const now = this.clock.now();
    this.recover(now);
    return {
      perMinute: this.current,
      configuredPerMinute: this.configured,
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }

  acquire(): Promise<number> {
    this.recover(this.clock.now());
    return this.limiter.acquire();
  }

  throttled(retryAfterMs: number | undefined): number {
    const now = this.clock.now();
    this.recover(now);
    this.throttledInARow++;
    const pauseMs = Math.min(
      MAX_PAUSE_MS,
      retryAfterMs ?? FALLBACK_PAUSE_MS * 2 ** Math.min(10, this.throttledInARow - 1),
    );
    this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
    this.limiter.pauseUntil(this.pausedUntil);
    this.calmSince = Math.max(now, this.pausedUntil);
    if (this.configured > 0 && now - this.lastHalvedAt >= QUOTA_WINDOW_MS) {
      this.lastHalvedAt = now;
      this.setRate(Math.max(MIN_PER_MINUTE, this.current / 2));
    }
    return pauseMs;
  }

  succeeded(): void {
    this.throttledInARow = 0;
  }

  private recover(now: number): void {
    if (this.current >= this.configured) {
      return;
    }
    const windows = Math.floor((now - this.calmSince) / QUOTA_WINDOW_MS);
    if (windows < 1) {
      return;
    }
    this.calmSince += windows * QUOTA_WINDOW_MS;
    this.setRate(Math.min(this.configured, this.current + windows * RECOVERY_SHARE * this.configured));
  }

  private setRate(perMinute: number): void {
    this.current = perMinute;
    this.limiter.setPerMinute(perMinute);
  }
}
