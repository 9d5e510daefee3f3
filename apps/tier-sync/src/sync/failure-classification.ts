import { isAlreadyAtTarget, isCapillaryApiError, PERMANENT_ERROR_CODES } from '@tiersync/capillary-client';

/**
 * The one place that decides what a failed call means for the sync:
 * - `already-at-target` (8925): the member is not below the target; re-read and re-plan once.
 * - `retryable`: network, timeout, 5xx, 429, 521: retry with backoff, then the retry topic.
 * - `permanent`: the same call will fail again (1101, 3045, 8015, 8917-8923, 11030, invalid body, or an
 *   unexpected error of our own): straight to the DLQ, no retry storm.
 */
export type FailureClass = 'already-at-target' | 'retryable' | 'permanent';

export function classifyFailure(error: unknown): FailureClass {
  if (isAlreadyAtTarget(error)) {
    return 'already-at-target';
  }
  if (!isCapillaryApiError(error)) {
    return 'permanent';
  }
  if (error.code !== undefined && PERMANENT_ERROR_CODES.has(error.code)) {
    return 'permanent';
  }
  return error.retryable ? 'retryable' : 'permanent';
}

/** How long the server asked us to wait (Retry-After), if it did. */
export function retryAfterOf(error: unknown): number | undefined {
  return isCapillaryApiError(error) ? error.retryAfterMs : undefined;
}

/** A failure as the audit trail and the DLQ record it (tier-events SyncError). */
export interface FailureRecord {
  message: string;
  status?: number;
  code?: number | string;
  retryable: boolean;
}

export function failureRecordOf(error: unknown): FailureRecord {
  const message = error instanceof Error ? error.message : String(error);
  const retryable = classifyFailure(error) === 'retryable';
  if (!isCapillaryApiError(error)) {
    return { message: message || 'unknown error', retryable };
  }
  return {
    message: message || 'Capillary call failed',
    retryable,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
  };
}
