import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigValidationError } from './config-validation.error';

export type EnvSource = Readonly<Record<string, unknown>>;

/** An empty value counts as unset (compose files often declare `FOO=`), so the default applies. */
export function validateEnvironment<T extends object>(schema: new () => T, raw: EnvSource): T {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(schema, present);
  const errors = validateSync(env, {
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ConfigValidationError(errors.map(problemOf));
  }
  return env;
}

export function environmentValidator<T extends object>(schema: new () => T): (raw: EnvSource) => T {
  return (raw) => validateEnvironment(schema, raw);
}

function problemOf(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  return messages
    .map((message) => (message.includes(error.property) ? message : `${error.property} ${message}`))
    .join(', ');
}
