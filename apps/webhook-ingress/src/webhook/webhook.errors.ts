import { type Violation } from '@tiersync/tier-events';

/** The body can never be valid and is now safe in the rejected topic: answered 400, never retried. */
export class EventRejectedError extends Error {
  override readonly name = 'EventRejectedError';

  constructor(readonly violations: readonly Violation[]) {
    super(`webhook rejected: ${violations.length} violation(s)`);
  }
}
