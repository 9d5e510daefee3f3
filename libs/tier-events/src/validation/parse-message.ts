import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { FALLBACK, fastInstance } from './fast/fast-instance';
import { isPlainObject } from './field.decorators';
import { flattenErrors } from './flatten-errors';
import { InvalidEventError, type Violation } from './invalid-event.error';
import { keepUndeclared, MAX_NESTING, NestingTooDeepError, withoutProtoKeys } from './keep-undeclared';

/** Tolerant on purpose: the vendor adds fields without notice, so unknown properties are kept. */
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

/** A body the validator cannot get through is invalid too, or a caller would retry it forever. */
function guarded<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidEventError) {
      throw error;
    }
    const message =
      error instanceof NestingTooDeepError || error instanceof RangeError
        ? `nests deeper than ${MAX_NESTING} levels`
        : `cannot be validated (${error instanceof Error ? error.name : typeof error})`;
    throw new InvalidEventError(label, [{ path: '(root)', message }]);
  }
}

export function parseMessage<T extends object>(cls: new () => T, raw: unknown, label: string): T {
  const root = rootObject(raw, label);
  return guarded(label, () => {
    const copy = withoutProtoKeys(root) as Record<string, unknown>;
    const fast = fastInstance(cls, root, copy);
    if (fast !== FALLBACK) {
      return fast as T;
    }
    return transformAndValidate(cls, root, copy, label);
  });
}

/** Without the fast path: the reference it is tested and benchmarked against; not for production use. */
export function classValidatorParseMessage<T extends object>(
  cls: new () => T,
  raw: unknown,
  label: string,
): T {
  const root = rootObject(raw, label);
  return guarded(label, () =>
    transformAndValidate(cls, root, withoutProtoKeys(root) as Record<string, unknown>, label),
  );
}
