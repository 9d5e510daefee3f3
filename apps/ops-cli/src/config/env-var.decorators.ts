import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * An integer variable: environment values (and flags) arrive as strings, so numeric text becomes a number
 * here; anything else is left as it was for IsInt to name.
 */
export function IntegerVar(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value,
    )(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}
