import { getMetadataStorage } from 'class-validator';
import { isPlainObject } from './field.decorators';

/** Deeper than any vendor payload; bounds the recursion below, which a hostile body could otherwise overflow. */
export const MAX_NESTING = 32;

export class NestingTooDeepError extends Error {}

/** A `__proto__` key would replace the built instance's prototype; a nested `constructor` key throws. */
export function withoutProtoKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_NESTING) {
    throw new NestingTooDeepError();
  }
  if (Array.isArray(value)) {
    return value.map((item) => withoutProtoKeys(item, depth + 1));
  }
  if (!isPlainObject(value)) {
    return value;
  }
  // A loop: entries/filter/fromEntries cost a fifth of the fast path, which runs on every webhook.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!(key in Object.prototype)) {
      copy[key] = withoutProtoKeys(value[key], depth + 1);
    }
  }
  return copy;
}

const declaredByClass = new WeakMap<object, ReadonlySet<string>>();

function declaredFields(instance: object): ReadonlySet<string> {
  const constructor = Object.getPrototypeOf(instance) as { constructor: new () => object };
  const cls = constructor.constructor;
  let fields = declaredByClass.get(cls);
  if (fields === undefined) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
    fields = new Set(metadata.map((entry) => entry.propertyName));
    declaredByClass.set(cls, fields);
  }
  return fields;
}

function isClassInstance(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

function restore(built: unknown, raw: unknown): void {
  if (Array.isArray(built) && Array.isArray(raw)) {
    built.forEach((item: unknown, index) => {
      restore(item, raw[index]);
    });
  } else if (isClassInstance(built) && isPlainObject(raw)) {
    keepUndeclared(built, raw);
  }
}

/** class-transformer drops keys such as `toString`; vendor extras must survive untouched. */
export function keepUndeclared(instance: object, raw: Record<string, unknown>): void {
  const declared = declaredFields(instance);
  for (const [key, value] of Object.entries(raw)) {
    if (declared.has(key)) {
      restore(Reflect.get(instance, key), value);
    } else {
      Object.defineProperty(instance, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
}
