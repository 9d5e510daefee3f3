import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment-variables';

/** The environment is unusable; the message lists every problem so one restart fixes them all. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

function problemsOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

/**
 * Validates raw environment variables into EnvironmentVariables (the `validate` contract of Nest's
 * ConfigModule). Values are never echoed back, so a mistyped secret does not end up in a log.
 */
export function validateEnvironment(raw: Readonly<Record<string, unknown>>): EnvironmentVariables {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(env, {
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ConfigValidationError(problemsOf(errors));
  }
  return env;
}
