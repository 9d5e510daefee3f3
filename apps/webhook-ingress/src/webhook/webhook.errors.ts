import { type Violation } from '@tiersync/tier-events';

/** Thrown only once the body is safe in the rejected topic, since Capillary never retries a 400. */
export class EventRejectedError extends Error {
  override readonly name = 'EventRejectedError';

  constructor(readonly violations: readonly Violation[]) {
    super(`webhook rejected: ${violations.length} violation(s)`);
  }
}
