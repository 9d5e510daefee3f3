import { ALREADY_AT_TARGET_CODE, CapillaryApiError, isAlreadyAtTarget } from './capillary-api.error';
import { apiError, classifyFailure, isRetryableStatus, parseRetryAfter } from './error-classification';

describe('error classification', () => {
  describe(parseRetryAfter.name, () => {
    const now = Date.parse('2025-11-30T10:00:00Z');

    it.each([
      ['2', 2000],
      ['0', 0],
      [' 1.5 ', 1500],
      ['Sun, 30 Nov 2025 10:00:07 GMT', 7000],
      ['Sun, 30 Nov 2025 09:59:00 GMT', 0],
    ])('reads %p as %p ms', (value, expected) => {
      expect(parseRetryAfter(value, now)).toBe(expected);
    });

    it.each([undefined, '', 'soon', 5])('ignores %p', (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    });
  });

  describe(isRetryableStatus.name, () => {
    it.each([408, 429, 500, 502, 503, 504, 521])('%p is retryable', (status) => {
      expect(isRetryableStatus(status)).toBe(true);
    });
    it.each([200, 400, 401, 403, 404, 422])('%p is not', (status) => {
      expect(isRetryableStatus(status)).toBe(false);
    });
  });

  describe(apiError.name, () => {
    it.each([1101, 3045, 8015, 8917, 8918, 8919, 8920, 8921, 8922, 8923, 11030])(
      'code %p is permanent even on a retryable status',
      (code) => {
        const error = apiError('POST /x', 503, { code, message: 'm' }, 1000);
        expect(error).toMatchObject({ kind: 'api', retryable: false, code, status: 503 });
        expect(error.retryAfterMs).toBeUndefined();
      },
    );

    it('recognises 8925 as already at target, not retryable', () => {
      const error = apiError('POST /x', 400, { code: ALREADY_AT_TARGET_CODE, message: 'higher' }, undefined);

      expect(isAlreadyAtTarget(error)).toBe(true);
      expect(error.retryable).toBe(false);
      expect(isAlreadyAtTarget(apiError('POST /x', 400, { code: 8923, message: 'x' }, undefined))).toBe(
        false,
      );
      expect(isAlreadyAtTarget(new Error('8925'))).toBe(false);
    });

    it('keeps Retry-After on a retryable answer and names the request', () => {
      const error = apiError('GET /v3/tiers', 429, undefined, 2000);

      expect(error).toBeInstanceOf(CapillaryApiError);
      expect(error).toMatchObject({ kind: 'http', retryable: true, status: 429, retryAfterMs: 2000 });
      expect(error.message).toBe('GET /v3/tiers failed: HTTP 429');
    });

    it('treats an unknown code in a 200 body as a permanent api error', () => {
      expect(apiError('GET /x', 200, { code: 1656, message: 'odd' }, undefined)).toMatchObject({
        kind: 'api',
        retryable: false,
        status: 200,
        code: 1656,
      });
    });
  });
  describe(classifyFailure.name, () => {
    const failed = (code: number | undefined, status: number, retryable: boolean) =>
      new CapillaryApiError(`failed ${code ?? status}`, {
        kind: code ? 'api' : 'http',
        status,
        code,
        retryable,
      });

    it.each([1101, 3045, 8015, 8917, 8918, 8919, 8920, 8921, 8922, 8923, 11030])(
      'code %i is permanent',
      (code) => {
        expect(classifyFailure(failed(code, 400, false))).toBe('permanent');
        // Even a server that answers it with a retryable status cannot make it succeed.
        expect(classifyFailure(failed(code, 500, true))).toBe('permanent');
      },
    );

    it.each([500, 502, 503, 429, 521])('status %i is retryable', (status) => {
      expect(classifyFailure(failed(undefined, status, true))).toBe('retryable');
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
      expect(classifyFailure(failed(8925, 400, false))).toBe('already-at-target');
    });

    it("treats invalid bodies and the caller's own bugs as permanent", () => {
      expect(classifyFailure(CapillaryApiError.validation('toSlabName is required'))).toBe('permanent');
      expect(classifyFailure(new TypeError('x is undefined'))).toBe('permanent');
    });
  });
});
