/** The environment is unusable; the message lists every problem so that one restart fixes them all. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  /** One line per bad variable, each naming it; values are never included, since some are secrets. */
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}
