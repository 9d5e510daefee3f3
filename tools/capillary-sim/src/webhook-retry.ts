import { type WebhookTarget } from './webhook.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a retryable delivery is tried again, and when the dispatcher moves on to the next event. */
export interface WebhookRetrySchedule {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles with every attempt. */
  backoffMs: number;
  maxBackoffMs: number;
  /** From the first attempt: no attempt starts later than this. */
  maxElapsedMs: number;
}

/**
 * Capillary re-sends a retryable event "with exponential backoff for at least 7 days", then moves on
 * (docs/architecture.md, API fact 2). It publishes no first wait, cap or attempt count: the first wait and
 * the hourly cap are the simulator's choice.
 */
export const CAPILLARY_RETRY_SCHEDULE: WebhookRetrySchedule = {
  maxAttempts: Number.POSITIVE_INFINITY,
  backoffMs: 1_000,
  maxBackoffMs: 60 * 60 * 1000,
  maxElapsedMs: 7 * DAY_MS,
};

export function retryScheduleOf(target: WebhookTarget): WebhookRetrySchedule {
  return {
    maxAttempts: target.maxAttempts ?? CAPILLARY_RETRY_SCHEDULE.maxAttempts,
    backoffMs: target.backoffMs ?? CAPILLARY_RETRY_SCHEDULE.backoffMs,
    maxBackoffMs: target.maxBackoffMs ?? CAPILLARY_RETRY_SCHEDULE.maxBackoffMs,
    maxElapsedMs: target.maxElapsedMs ?? CAPILLARY_RETRY_SCHEDULE.maxElapsedMs,
  };
}

/**
 * How long to wait before the attempt after `attempt` failed retryably, `elapsedMs` after the first one
 * started; undefined when the schedule is spent. A Retry-After of the answer is a floor on the wait, so a
 * receiver that asks for more time gets it even when the backoff alone would come back sooner.
 */
export function nextRetryInMs(
  schedule: WebhookRetrySchedule,
  attempt: number,
  elapsedMs: number,
  retryAfterMs?: number,
): number | undefined {
  if (attempt >= schedule.maxAttempts) {
    return undefined;
  }
  // The exponent is capped so that a zero backoff never becomes 0 * Infinity.
  const backoff = Math.min(schedule.backoffMs * 2 ** Math.min(attempt - 1, 52), schedule.maxBackoffMs);
  const wait = Math.max(backoff, retryAfterMs ?? 0);
  return elapsedMs + wait > schedule.maxElapsedMs ? undefined : wait;
}

/** A Retry-After header (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) in ms from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  // Every HTTP-date form starts with a day name; Date.parse alone would read '-5' as a year.
  const at = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
