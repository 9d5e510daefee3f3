import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { FALLBACK, fastInstance } from './fast/fast-instance';
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

export type MessageParser = <T extends object>(cls: new () => T, raw: unknown, label: string) => T;

function byPath(a: Violation, b: Violation): number {
  if (a.path === b.path) {
    return 0;
  }
  return a.path < b.path ? -1 : 1;
}

function rootObject(raw: unknown, label: string): Record<string, unknown> {
  if (!isPlainObject(raw)) {
    throw new InvalidEventError(label, [{ path: '(root)', message: 'must be an object' }]);
  }
  return raw;
}

function transformAndValidate<T extends object>(
  cls: new () => T,
  raw: Record<string, unknown>,
  copy: Record<string, unknown>,
  label: string,
): T {
  const instance = plainToInstance(cls, copy);
  // Sorted by path so that the list reads envelope-first and does not depend on decorator order.
  const violations = flattenErrors(validateSync(instance, VALIDATOR_OPTIONS)).sort(byPath);
  if (violations.length > 0) {
    throw new InvalidEventError(label, violations);
  }
  // After validation: an undeclared `constructor` field would hide the class from class-validator.
  keepUndeclared(instance, raw);
  return instance;
}

export function parseMessage<T extends object>(cls: new () => T, raw: unknown, label: string): T {
  const root = rootObject(raw, label);
  const copy = withoutProtoKeys(root) as Record<string, unknown>;
  const fast = fastInstance(cls, root, copy);
  if (fast !== FALLBACK) {
    return fast as T;
  }
  return transformAndValidate(cls, root, copy, label);
}

/** Without the fast path: the reference it is tested and benchmarked against; not for production use. */
export function classValidatorParseMessage<T extends object>(
  cls: new () => T,
  raw: unknown,
  label: string,
): T {
  const root = rootObject(raw, label);
  return transformAndValidate(cls, root, withoutProtoKeys(root) as Record<string, unknown>, label);
}
