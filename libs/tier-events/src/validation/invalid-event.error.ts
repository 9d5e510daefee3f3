export interface Violation {
  readonly path: string;
  readonly message: string;
}

/** Lists every violation at once, so a rejected payload can be fixed in one round trip. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly label: string,
    readonly violations: readonly Violation[],
  ) {
    super(`invalid ${label}: ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`);
  }
}
