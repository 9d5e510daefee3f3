import { ALREADY_AT_TARGET_CODE, CapillaryApiError, PERMANENT_ERROR_CODES } from './capillary-api.error';

/** 521 = "multiple actions running for the same customer, retry later" (legacy v2 status table). */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 521]);

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_STATUSES.has(status);
}

/** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
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

/** An answer that carried an error envelope or an error status. */
export function apiError(
  request: string,
  status: number,
  entry: ApiErrorEntry | undefined,
  retryAfterMs: number | undefined,
): CapillaryApiError {
  const code = entry?.code;
  // A permanent or "already there" code beats the status: retrying cannot change the answer.
  const permanent =
    code !== undefined && (PERMANENT_ERROR_CODES.has(code) || code === ALREADY_AT_TARGET_CODE);
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
