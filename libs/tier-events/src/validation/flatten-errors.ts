import type { ValidationError } from 'class-validator';
import type { Violation } from './invalid-event.error';

function joinPath(prefix: string, property: string): string {
  if (/^\d+$/.test(property)) {
    return `${prefix}[${property}]`;
  }
  return prefix === '' ? property : `${prefix}.${property}`;
}

export function flattenErrors(errors: readonly ValidationError[], prefix = ''): Violation[] {
  return errors.flatMap((error) => {
    const path = joinPath(prefix, error.property);
    const messages = [...new Set(Object.values(error.constraints ?? {}))];
    // A field that is itself wrong (not an object, missing) says so once; its children would be noise.
    if (messages.length > 0) {
      return messages.map((message) => ({ path, message }));
    }
    return flattenErrors(error.children ?? [], path);
  });
}
