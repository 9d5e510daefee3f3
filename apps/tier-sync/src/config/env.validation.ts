import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment.variables';

/**
 * ConfigModule's `validate`: converts and checks the environment once, at boot. The error names every bad
 * variable and rule but never a value, since some of them are secrets.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  // An empty variable (`SYNC_VALIDITY_UPTO=`) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new Error(`Invalid environment: ${errors.map(describe).join('; ')}`);
  }
  return env;
}

function describe(error: ValidationError): string {
  return `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`;
}
