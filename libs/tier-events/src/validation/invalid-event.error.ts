/** One failed rule, addressed by the field path inside the message (`data.customerIdentifiers.customerId`). */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

/**
 * A payload that cannot be trusted: it lists EVERY violation at once, so a rejected webhook or message can be
 * fixed in one round trip instead of one field at a time.
 */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    /** What was being parsed, e.g. `webhook event` or `GroupSyncCommand`. */
    readonly label: string,
    readonly violations: readonly Violation[],
  ) {
    super(`invalid ${label}: ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`);
  }
}
