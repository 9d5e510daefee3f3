import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { isPlainObject } from './field.decorators';
import { flattenErrors } from './flatten-errors';
import { InvalidEventError, type Violation } from './invalid-event.error';
import { keepUndeclared, withoutProtoKeys } from './keep-undeclared';

/*
 * Tolerant on purpose: the vendor adds fields without notice, so unknown properties are kept, never
 * stripped or rejected (no whitelist). stopAtFirstError keeps one message per field.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = {
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  whitelist: false,
};

function byPath(a: Violation, b: Violation): number {
  if (a.path === b.path) {
    return 0;
  }
  return a.path < b.path ? -1 : 1;
}

/**
 * The one validation path of tiersync: plain JSON -> class instance (ids normalised, nested classes built)
 * -> class-validator. Throws InvalidEventError listing every violation by field path.
 */
export function parseMessage<T extends object>(cls: new () => T, raw: unknown, label: string): T {
  if (!isPlainObject(raw)) {
    throw new InvalidEventError(label, [{ path: '(root)', message: 'must be an object' }]);
  }
  const instance = plainToInstance(cls, withoutProtoKeys(raw) as Record<string, unknown>);
  // Sorted by path so that the list reads envelope-first and does not depend on decorator order.
  const violations = flattenErrors(validateSync(instance, VALIDATOR_OPTIONS)).sort(byPath);
  if (violations.length > 0) {
    throw new InvalidEventError(label, violations);
  }
  // After validation: an undeclared `constructor` field would hide the class from class-validator.
  keepUndeclared(instance, raw);
  return instance;
}
