import { type Random } from '../clock';

interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  retryAfterMs?: number;
}

function exponential(n: number, { baseMs, maxMs }: BackoffOptions): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, n - 1));
}

/** "Full jitter", so members that failed together do not retry together; never before Retry-After. */
export function backoffDelay(
  failures: number,
  options: BackoffOptions,
  random: Random = Math.random,
): number {
  const jittered = Math.round(random() * exponential(failures, options));
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

/** Half jittered: a retry-topic attempt waits at least half its backoff, never before Retry-After. */
export function retryTopicDelay(
  attempt: number,
  options: BackoffOptions,
  random: Random = Math.random,
): number {
  const full = exponential(attempt, options);
  const jittered = Math.round(full / 2 + (random() * full) / 2);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
