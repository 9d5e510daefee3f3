import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, type Random } from './backoff';
import { classifyFailure, retryAfterOf } from './failure-classification';

export interface RetryLoopOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Aborted when the consumer gives the message up: stop waiting at once. */
  signal?: AbortSignal;
  random?: Random;
  /** Called before each try with its number (from 1), e.g. to count attempts. */
  onAttempt?: (attempt: number) => void;
}

/**
 * The fast, in-process part of the retry policy: a few tries with jittered exponential backoff for
 * retryable failures only. It gives up early when the server asks for a longer wait than `maxMs`
 * (Retry-After): such a wait belongs on the retry topic, not in a handler holding a consumer slot.
 * The last error is rethrown for the caller to classify and schedule.
 */
export async function retrying<T>(task: () => Promise<T>, options: RetryLoopOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(attempt);
    try {
      return await task();
    } catch (error) {
      if (attempt >= options.attempts || classifyFailure(error) !== 'retryable') {
        throw error;
      }
      const retryAfterMs = retryAfterOf(error);
      if (retryAfterMs !== undefined && retryAfterMs > options.maxMs) {
        throw error;
      }
      const delay = backoffDelay(attempt, { ...options, retryAfterMs }, options.random);
      await sleep(delay, undefined, { signal: options.signal });
    }
  }
}
