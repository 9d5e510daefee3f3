import {
  ALREADY_AT_TARGET_CODE,
  CapillaryApiError,
  isAlreadyAtTarget,
  isCapillaryApiError,
  PERMANENT_ERROR_CODES,
} from './capillary-api.error';

/** `permanent` includes any error that is not the client's: a bug of the caller's own will not heal. */
export type FailureClass = 'already-at-target' | 'retryable' | 'permanent';

export function classifyFailure(error: unknown): FailureClass {
  if (isAlreadyAtTarget(error)) {
    return 'already-at-target';
  }
  if (!isCapillaryApiError(error) || isPermanentCode(error.code)) {
    return 'permanent';
  }
  return error.retryable ? 'retryable' : 'permanent';
}

export function retryAfterOf(error: unknown): number | undefined {
  return isCapillaryApiError(error) ? error.retryAfterMs : undefined;
}

/** A permanent code beats the status: retrying cannot change the answer. */
function isPermanentCode(code: number | undefined): boolean {
  return code !== undefined && PERMANENT_ERROR_CODES.has(code);
}

/** 521 = "multiple actions running for the same customer, retry later" (legacy v2 status table). */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 521]);

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_STATUSES.has(status);
}

export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface ApiErrorEntry {
  code?: number;
  message: string;
}

export function apiError(
  request: string,
  status: number,
  entry: ApiErrorEntry | undefined,
  retryAfterMs: number | undefined,
): CapillaryApiError {
  const code = entry?.code;
  const permanent = isPermanentCode(code) || code === ALREADY_AT_TARGET_CODE;
  const retryable = !permanent && isRetryableStatus(status);
  const detail = entry ? `${entry.code ?? '-'} ${entry.message}` : `HTTP ${status}`;
  return new CapillaryApiError(`${request} failed: ${detail}`, {
    kind: entry ? 'api' : 'http',
    retryable,
    status,
    code,
    retryAfterMs: retryable ? retryAfterMs : undefined,
    request,
  });
}
