import { classifyFailure, isCapillaryApiError } from '@tiersync/capillary-client';

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
