import {
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** Checked at boot so a typo fails the deploy, not every adjustment (docs/architecture.md, API fact 17). */
@ValidatorConstraint({ name: 'validityUpto' })
export class ValidityUptoConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return validityUptoProblem(readValidity(args.object), value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = validityUptoProblem(readValidity(args.object), args.value) ?? 'is invalid';
    return `${args.property} ${problem}`;
  }
}

export function validityUptoProblem(validity: unknown, value: unknown): string | undefined {
  if (validity === 'FIXED_DURATION') {
    return typeof value === 'string' && /^\d+$/.test(value)
      ? undefined
      : 'must be a whole number of days when SYNC_VALIDITY=FIXED_DURATION';
  }
  if (validity === 'SPECIFIC_DATE') {
    return typeof value === 'string' && isCalendarDate(value)
      ? undefined
      : 'must be a YYYY-MM-DD date when SYNC_VALIDITY=SPECIFIC_DATE';
  }
  return undefined;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function readValidity(object: object): unknown {
  return (object as { SYNC_VALIDITY?: unknown }).SYNC_VALIDITY;
}
