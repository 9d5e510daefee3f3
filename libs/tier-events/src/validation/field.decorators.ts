// class-transformer's @Type reads design:type metadata, so the polyfill must load before any decorator runs.
import 'reflect-metadata';

import { Transform, Type } from 'class-transformer';
import { IsOptional, registerDecorator, ValidateNested } from 'class-validator';
import { toNumberIfNumeric } from './integral';

type Check = (value: unknown) => string | undefined;

export interface FieldOptions {
  readonly optional?: boolean;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* One combined rule per field, because stacked class-validator messages repeat the property name. */
function rule(name: string, check: Check): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => check(value) === undefined,
        defaultMessage: (args) => check(args?.value) ?? '',
      },
    });
  };
}

function field(name: string, options: FieldOptions, check: Check, ...extra: PropertyDecorator[]) {
  const required: Check = (value) => (value === undefined || value === null ? 'is required' : check(value));
  const decorators = [...extra, rule(name, options.optional === true ? check : required)];
  if (options.optional === true) {
    decorators.push(IsOptional());
  }
  return (target: object, propertyName: string | symbol): void => {
    for (const decorate of decorators) {
      decorate(target, propertyName);
    }
  };
}

/** class-transformer's copy would drop keys such as `toString`. */
const verbatim = Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => obj[key]);

const numeric = Transform(({ value }: { value: unknown }) => toNumberIfNumeric(value));

export function IdField(options: FieldOptions = {}) {
  const check: Check = (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? undefined : 'must be a positive integer id';
  return field('id', options, check, numeric);
}

export function IntField(options: FieldOptions & { readonly min?: number } = {}) {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const check: Check = (v) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      return 'must be an integer';
    }
    return v < min ? `must be at least ${min}` : undefined;
  };
  return field('int', options, check, numeric);
}

export function EpochMillisField(options: FieldOptions = {}) {
  return IntField({ ...options, min: 0 });
}

export function NumberField(options: FieldOptions = {}) {
  const check: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number');
  return field('number', options, check);
}

export function BooleanField(options: FieldOptions = {}) {
  return field('boolean', options, (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean'));
}

export interface TextOptions extends FieldOptions {
  readonly nonEmpty?: boolean;
  readonly pattern?: { readonly regex: RegExp; readonly message: string };
}

export function TextField(options: TextOptions = {}) {
  const check: Check = (v) => {
    if (typeof v !== 'string') {
      return 'must be a string';
    }
    if (options.nonEmpty === true && v.trim() === '') {
      return 'must not be empty';
    }
    return options.pattern === undefined || options.pattern.regex.test(v)
      ? undefined
      : options.pattern.message;
  };
  return field('text', options, check);
}

export function ConstantField(value: number | string, options: FieldOptions = {}) {
  return field('constant', options, (v) => (v === value ? undefined : `must be ${String(value)}`));
}

export function ScalarField(options: FieldOptions = {}) {
  const check: Check = (v) =>
    typeof v === 'string' || typeof v === 'number' ? undefined : 'must be a string or a number';
  return field('scalar', options, check);
}

export function OneOfField(values: readonly string[], options: FieldOptions = {}) {
  const check: Check = (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
  return field('oneOf', options, check);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function UuidField(options: FieldOptions = {}) {
  return TextField({ ...options, pattern: { regex: UUID, message: 'must be a uuid' } });
}

export function ObjectField(options: FieldOptions = {}) {
  return field('object', options, (v) => (isPlainObject(v) ? undefined : 'must be an object'), verbatim);
}

/** A vendor field tiersync never reads: any JSON value passes, kept as sent (docs/architecture.md, Ingress). */
export function AnyJsonField() {
  return field('anyJson', { optional: true }, () => undefined, verbatim);
}

export function ListField(options: FieldOptions = {}) {
  return field('list', options, (v) => (Array.isArray(v) ? undefined : 'must be an array'), verbatim);
}

export function IdListField(options: FieldOptions = {}) {
  const check: Check = (v) =>
    Array.isArray(v) && v.every((id) => typeof id === 'number' && Number.isSafeInteger(id) && id > 0)
      ? undefined
      : 'must be an array of positive integer ids';
  const numericEach = Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item: unknown) => toNumberIfNumeric(item)) : value,
  );
  return field('idList', options, check, numericEach);
}

export function NestedField(
  type: () => new () => object,
  options: FieldOptions & { readonly each?: boolean } = {},
) {
  const check: Check =
    options.each === true
      ? (v) => (Array.isArray(v) ? undefined : 'must be an array')
      : (v) => (isPlainObject(v) ? undefined : 'must be an object');
  // The nested message only shows for array items that are not objects: the field rule runs first.
  const nested = ValidateNested({ message: 'must be an object' });
  return field('nested', options, check, Type(type), nested);
}
