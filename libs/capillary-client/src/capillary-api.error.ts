export type CapillaryErrorKind = 'network' | 'timeout' | 'http' | 'api' | 'validation';

/** Target slab must be higher than the current slab: the member is already where we wanted it. */
export const ALREADY_AT_TARGET_CODE = 8925;

/** They fail the same way however often they are retried (docs/architecture.md, API fact 19). */
export const PERMANENT_ERROR_CODES: ReadonlySet<number> = new Set([
  1101, 3045, 8015, 8917, 8918, 8919, 8920, 8921, 8922, 8923, 11030,
]);

export interface CapillaryApiErrorInit {
  kind: CapillaryErrorKind;
  retryable: boolean;
  status?: number;
  code?: number;
  retryAfterMs?: number;
  /** `METHOD /path`, never the query string (it can hold customer identifiers) nor headers. */
  request?: string;
}

export class CapillaryApiError extends Error {
  readonly kind: CapillaryErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly code?: number;
  readonly retryAfterMs?: number;
  readonly request?: string;

  constructor(message: string, init: CapillaryApiErrorInit) {
    super(message);
    this.name = CapillaryApiError.name;
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.request = init.request;
  }

  static validation(message: string): CapillaryApiError {
    return new CapillaryApiError(message, { kind: 'validation', retryable: false });
  }
}

export function isCapillaryApiError(error: unknown): error is CapillaryApiError {
  return error instanceof CapillaryApiError;
}

export function isAlreadyAtTarget(error: unknown): boolean {
  return error instanceof CapillaryApiError && error.code === ALREADY_AT_TARGET_CODE;
}
