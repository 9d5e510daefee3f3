import { CapillaryApiError, retryAfterOf } from '@tiersync/capillary-client';
import { failureRecordOf } from './failure-record';

const apiError = (code: number | undefined, status: number, retryable: boolean, retryAfterMs?: number) =>
  new CapillaryApiError(`failed ${code ?? status}`, {
    kind: code ? 'api' : 'http',
    status,
    code,
    retryable,
    retryAfterMs,
  });

describe(failureRecordOf.name, () => {
  it('records status, code and Retry-After', () => {
    const error = apiError(undefined, 429, true, 1500);
    expect(failureRecordOf(error)).toEqual({ message: 'failed 429', status: 429, retryable: true });
    expect(failureRecordOf(apiError(8015, 400, false))).toEqual({
      message: 'failed 8015',
      status: 400,
      code: 8015,
      retryable: false,
    });
    expect(failureRecordOf('boom')).toEqual({ message: 'boom', retryable: false });
    expect(retryAfterOf(error)).toBe(1500);
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
  });
});
