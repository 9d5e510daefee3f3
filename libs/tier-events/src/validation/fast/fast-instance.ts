import { TransformationType } from 'class-transformer';
import { defaultOptions } from 'class-transformer/cjs/constants/default-options.constant';
import { isPlainObject } from '../field.decorators';
import { classPlan, type ClassPlan, type Constructor, type PropertyPlan } from './class-plan';

// Answers only when sure to build the very instance plainToInstance + validateSync + keepUndeclared would;
// anything unusual gives FALLBACK and the slow path decides, so this path can cost time, never an answer.
export const FALLBACK = Symbol('fallback');
type Built = object | typeof FALLBACK;

const TRANSFORM_OPTIONS = { ...defaultOptions };

function isInherited(instance: object, key: string): boolean {
  return key in instance && !Object.prototype.hasOwnProperty.call(instance, key);
}

/** class-transformer skips keys Object.prototype holds and throws on a nested `constructor`: slow path. */
function isPlainData(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.every(isPlainData);
  }
  if (!isPlainObject(value)) {
    return true;
  }
  for (const key of Object.keys(value)) {
    if (key in Object.prototype || !isPlainData(value[key])) {
      return false;
    }
  }
  return true;
}

function untypedCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(untypedCopy);
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = untypedCopy(value[key]);
  }
  return copy;
}

/** keepUndeclared revisits class instances inside a declared value; the fast path only handles plain data. */
function holdsInstances(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(holdsInstances);
  }
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

function typedValue(
  property: PropertyPlan,
  instance: object,
  raw: unknown,
  copy: Record<string, unknown>,
): unknown {
  const value = copy[property.name];
  if (value === null) {
    return null;
  }
  const type = property.type?.({ newObject: instance, object: copy, property: property.name });
  const plan = typeof type === 'function' ? classPlan(type as Constructor) : undefined;
  if (plan === undefined) {
    return FALLBACK;
  }
  if (isPlainObject(value) && isPlainObject(raw)) {
    return build(plan, raw, value);
  }
  if (!Array.isArray(value) || !Array.isArray(raw)) {
    return FALLBACK;
  }
  const items: object[] = [];
  for (const [index, item] of value.entries()) {
    const rawItem: unknown = raw[index];
    const built = isPlainObject(item) && isPlainObject(rawItem) ? build(plan, rawItem, item) : FALLBACK;
    if (built === FALLBACK) {
      return FALLBACK;
    }
    items.push(built);
  }
  return items;
}

function declaredValue(
  property: PropertyPlan,
  instance: object,
  raw: unknown,
  copy: Record<string, unknown>,
) {
  if (property.type !== undefined) {
    return typedValue(property, instance, raw, copy);
  }
  const plain = copy[property.name];
  if (!isPlainData(plain)) {
    return FALLBACK;
  }
  let value = untypedCopy(plain);
  for (const transform of property.transforms) {
    value = transform({
      value,
      key: property.name,
      obj: copy,
      type: TransformationType.PLAIN_TO_CLASS,
      options: TRANSFORM_OPTIONS,
    });
  }
  return holdsInstances(value) ? FALLBACK : value;
}

function build(plan: ClassPlan, raw: Record<string, unknown>, copy: Record<string, unknown>): Built {
  const instance = new plan.cls();
  for (const key of Object.keys(raw)) {
    const property = plan.properties.get(key);
    if (property === undefined) {
      // class-transformer copies the value (and may throw on it); keepUndeclared then puts the raw one back.
      if (isInherited(instance, key) || !isPlainData(copy[key])) {
        return FALLBACK;
      }
      Reflect.set(instance, key, raw[key]);
      continue;
    }
    if (typeof Reflect.get(instance, key) === 'function') {
      return FALLBACK; // class-transformer leaves such a property alone
    }
    const value = declaredValue(property, instance, raw[key], copy);
    if (value === FALLBACK) {
      return FALLBACK;
    }
    if (value !== undefined) {
      Reflect.set(instance, key, value);
    }
  }
  return instance;
}

function isValid(instance: object, plan: ClassPlan): boolean {
  for (const property of plan.properties.values()) {
    const value: unknown = Reflect.get(instance, property.name);
    if (!property.conditions.every((condition) => condition(instance, value))) {
      continue;
    }
    for (const rule of property.rules) {
      const args = {
        targetName: plan.name,
        property: property.name,
        object: instance,
        value,
        constraints: rule.constraints,
      };
      // class-validator fails a rule on any falsy answer.
      if (!rule.validate(value, args)) {
        return false;
      }
    }
    if (property.nested && value !== undefined && !isNestedValid(value)) {
      return false;
    }
  }
  return true;
}

function isNestedValid(value: unknown): boolean {
  if (Array.isArray(value)) {
    // class-validator lets an undefined item pass; JSON has none.
    return value.every((item: unknown) => item === undefined || isNestedValid(item));
  }
  if (!(value instanceof Object)) {
    return false;
  }
  const plan = classPlan(value.constructor as Constructor);
  return plan !== undefined && isValid(value, plan);
}

export function fastInstance(
  cls: Constructor,
  raw: Record<string, unknown>,
  copy: Record<string, unknown>,
): Built {
  const plan = classPlan(cls);
  if (plan === undefined) {
    return FALLBACK;
  }
  const instance = build(plan, raw, copy);
  return instance !== FALLBACK && isValid(instance, plan) ? instance : FALLBACK;
}
