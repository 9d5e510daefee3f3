import { type Random } from '../clock';

interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  retryAfterMs?: number;
}

/** base, 2 x base, 4 x base ... for n = 1, 2, 3 ..., capped at maxMs. */
function exponential(n: number, { baseMs, maxMs }: BackoffOptions): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, n - 1));
}

/**
 * In-process retry delay before attempt `failures + 1`: "full jitter" exponential backoff, so members that
 * failed together do not retry together, but never sooner than the server's Retry-After.
 */
export function backoffDelay(
  failures: number,
  options: BackoffOptions,
  random: Random = Math.random,
): number {
  const jittered = Math.round(random() * exponential(failures, options));
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

/**
 * Delay of a retry-topic attempt (the `notBefore` of command attempt `attempt`): exponential from
 * `baseMs`, capped, with half of it jittered; at least the server's Retry-After.
 */
export function retryTopicDelay(
  attempt: number,
  options: BackoffOptions,
  random: Random = Math.random,
): number {
  const full = exponential(attempt, options);
  const jittered = Math.round(full / 2 + (random() * full) / 2);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
