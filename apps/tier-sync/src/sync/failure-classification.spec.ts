import { CapillaryApiError } from '@tiersync/capillary-client';
import { backoffDelay, retryTopicDelay } from './backoff';
import { classifyFailure, failureRecordOf, retryAfterOf } from './failure-classification';

const apiError = (code: number | undefined, status: number, retryable: boolean, retryAfterMs?: number) =>
  new CapillaryApiError(`failed ${code ?? status}`, {
    kind: code ? 'api' : 'http',
    status,
    code,
    retryable,
    retryAfterMs,
  });

describe(classifyFailure.name, () => {
  it.each([1101, 3045, 8015, 8917, 8918, 8919, 8920, 8921, 8922, 8923, 11030])(
    'code %i is permanent',
    (code) => {
      expect(classifyFailure(apiError(code, 400, false))).toBe('permanent');
      // Even a server that answers it with a retryable status cannot make it succeed.
      expect(classifyFailure(apiError(code, 500, true))).toBe('permanent');
    },
  );

  it.each([500, 502, 503, 429, 521])('status %i is retryable', (status) => {
    expect(classifyFailure(apiError(undefined, status, true))).toBe('retryable');
  });

  it('classifies network errors and timeouts as retryable', () => {
    expect(classifyFailure(new CapillaryApiError('reset', { kind: 'network', retryable: true }))).toBe(
      'retryable',
    );
    expect(classifyFailure(new CapillaryApiError('slow', { kind: 'timeout', retryable: true }))).toBe(
      'retryable',
    );
  });

  it('recognises 8925 as already at target', () => {
    expect(classifyFailure(apiError(8925, 400, false))).toBe('already-at-target');
  });

  it('treats invalid bodies and our own bugs as permanent', () => {
    expect(classifyFailure(CapillaryApiError.validation('toSlabName is required'))).toBe('permanent');
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('permanent');
  });

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

describe(backoffDelay.name, () => {
  it('grows exponentially up to the cap, fully jittered', () => {
    const options = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
  });

  it('never undercuts Retry-After', () => {
    expect(backoffDelay(1, { baseMs: 100, maxMs: 1000, retryAfterMs: 700 }, () => 0.5)).toBe(700);
  });
});

describe(retryTopicDelay.name, () => {
  it('doubles per attempt with half of it jittered, capped, at least Retry-After', () => {
    const options = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4].map((n) => retryTopicDelay(n, options, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryTopicDelay(2, options, () => 0)).toBe(1000);
    expect(retryTopicDelay(1, { ...options, retryAfterMs: 60_000 }, () => 1)).toBe(60_000);
  });
});
