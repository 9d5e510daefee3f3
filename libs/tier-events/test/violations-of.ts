import { InvalidEventError, type Violation } from '../src/validation/invalid-event.error';

export function violationsOf(parse: () => unknown): readonly Violation[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return error.violations;
    }
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}
