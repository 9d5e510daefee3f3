import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/**
 * Environment values are strings; these decorators convert them once, at boot, so the rest of the app
 * reads typed values. A value that does not convert is left as it was, and validation then names it.
 */
export function IntVar(min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => toNumber(value))(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

export function BoolVar(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => toBoolean(value))(target, key);
    IsBoolean()(target, key);
  };
}

function toNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') {
    return value;
  }
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === '1') {
    return true;
  }
  return lower === 'false' || lower === '0' ? false : value;
}
