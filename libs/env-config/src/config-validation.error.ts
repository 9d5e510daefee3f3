export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  /** Values are never included, since some are secrets. */
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}
