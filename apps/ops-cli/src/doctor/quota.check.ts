import { type CheckList } from './check-list';
import { type QuotaReport } from './doctor.report';

/** Capillary documents a per-key, per-minute quota but no 429 body or header (docs/architecture.md, API
 * fact 21): the 429s and Retry-After values seen are all there is to report. */
export function checkQuota(quota: QuotaReport, checks: CheckList): void {
  const limit =
    quota.rateLimitPerMinute === 0
      ? 'CAPILLARY_RATE_LIMIT_PER_MINUTE=0: no client-side limit'
      : `CAPILLARY_RATE_LIMIT_PER_MINUTE=${quota.rateLimitPerMinute}`;
  const made = `${quota.requests} request(s) made, none of them a write`;
  if (quota.throttled > 0) {
    const waits = quota.retryAfterMs.map((ms) => (ms === null ? 'none' : `${ms / 1000} s`)).join(', ');
    checks.warn(
      'quota',
      `${made}; ${quota.throttled} answered 429 (Retry-After: ${waits}); ${limit}: other users of the API key ` +
        'share its quota, so keep tier-sync below what is left (docs/operations.md, "Capillary quota")',
    );
  } else if (quota.rateLimitPerMinute === 0) {
    checks.warn('quota', `${made}, no 429; ${limit}: tier-sync would not pace its calls on a real org`);
  } else {
    checks.ok('quota', `${made}, no 429; ${limit}`);
  }
}
