import { Inject, Injectable, Optional } from '@nestjs/common';
import { classifyFailure, retryAfterOf } from '@tiersync/capillary-client';
import { DelegateBackoff, handleWhen, type IRetryBackoffContext, retry, type RetryPolicy } from 'cockatiel';
import { type Random, RANDOM } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { backoffDelay } from './backoff';

/** Gives up early when Retry-After exceeds the backoff cap: such a wait belongs on the retry topic, not in
 * a handler holding a consumer slot. */
@Injectable()
export class CapillaryRetry {
  private readonly policy: RetryPolicy;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { sync }: Pick<TierSyncConfig, 'sync'>,
    @Optional() @Inject(RANDOM) random: Random = Math.random,
  ) {
    const { inProcessAttempts, backoffBaseMs: baseMs, backoffMaxMs: maxMs } = sync.retry;
    const delay = ({ attempt, result }: IRetryBackoffContext<unknown>) =>
      backoffDelay(attempt, { baseMs, maxMs, retryAfterMs: retryAfterOf(errorOf(result)) }, random);
    const worthRetrying = (error: unknown) =>
      classifyFailure(error) === 'retryable' && (retryAfterOf(error) ?? 0) <= maxMs;
    // Unref'd: a pending backoff never keeps a draining process alive.
    this.policy = retry(handleWhen(worthRetrying), {
      maxAttempts: inProcessAttempts - 1,
      backoff: new DelegateBackoff(delay),
    }).dangerouslyUnref();
  }

  execute<T>(task: (attempt: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const run = this.policy.execute(({ attempt }) => {
      signal?.throwIfAborted();
      return task(attempt + 1);
    });
    return signal ? untilAborted(run, signal) : run;
  }
}

function errorOf(result: IRetryBackoffContext<unknown>['result']): unknown {
  return 'error' in result ? result.error : undefined;
}

/** cockatiel's backoff timer cannot be cancelled, so the caller stops waiting for it instead. */
function untilAborted<T>(run: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      reject(abortError(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    run.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', abort);
    });
  });
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
  });
}
