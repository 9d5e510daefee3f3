import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';

/** A value that does not convert is left as it was, so that validation names the variable. */
export function IntVar(min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => toNumber(value))(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

export interface BoolVarOptions {
  /** Only the words `true` and `false`, so that `1` or `yes` cannot switch a safeguard off by accident. */
  strict?: boolean;
}

export function BoolVar({ strict = false }: BoolVarOptions = {}): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => (strict ? toStrictBoolean(value) : toBoolean(value)))(
      target,
      key,
    );
    IsBoolean({
      message: strict ? '$property must be true or false' : '$property must be true, false, 1 or 0',
    })(target, key);
  };
}

export function ListVar(message: string): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value,
    )(target, key);
    Matches(/^\S+$/, { each: true, message })(target, key);
    ArrayNotEmpty({ message })(target, key);
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

function toStrictBoolean(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  return value === 'false' ? false : value;
}
