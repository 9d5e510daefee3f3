import { TextDecoder } from 'node:util';
import { parseEvent, unwrapLegacyBody } from '../parse/parse-event';
import type { ParsedEvent } from '../parse/parsed-event';
import { isPlainObject } from '../validation/field.decorators';
import { InvalidEventError, type Violation } from '../validation/invalid-event.error';

/** Whether the body passed the event schema: both are accepted, only `valid` ones are routed as typed. */
export type SchemaVerdict =
  | { readonly valid: true; readonly event: ParsedEvent }
  | { readonly valid: false; readonly error: InvalidEventError };

export interface WebhookIntake {
  /** The event object, without the legacy `{"body": ...}` wrapper. */
  readonly json: Record<string, unknown>;
  readonly text: string;
  readonly wrapped: boolean;
  readonly eventName: string;
  readonly eventId: string;
  readonly schema: SchemaVerdict;
}

const LABEL = 'webhook body';
// fatal: a body that is not UTF-8 is refused rather than silently repaired with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function refused(violations: Violation[]): InvalidEventError {
  return new InvalidEventError(LABEL, violations);
}

/** A string eventId only: it is the dedupe key, and 1, 1.0 and "1" would be three renderings of one id. */
function identityViolation(body: Record<string, unknown>, field: 'eventName' | 'eventId'): Violation[] {
  const value = Object.hasOwn(body, field) ? body[field] : undefined;
  if (value === undefined || value === null) {
    return [{ path: field, message: 'is required' }];
  }
  if (typeof value !== 'string') {
    return [{ path: field, message: 'must be a string' }];
  }
  return value.trim() === '' ? [{ path: field, message: 'must not be empty' }] : [];
}

function verdict(json: Record<string, unknown>): SchemaVerdict {
  try {
    return { valid: true, event: parseEvent(json) };
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return { valid: false, error };
    }
    throw error;
  }
}

/**
 * Tolerant intake: throws InvalidEventError only for a body that can never become an event (not UTF-8
 * JSON, not an object, no string eventName and eventId); anything else comes back with its schema verdict.
 */
export function readWebhook(body: Buffer | undefined): WebhookIntake {
  let text: string;
  try {
    text = utf8.decode(body ?? Buffer.alloc(0));
  } catch {
    throw refused([{ path: '(root)', message: 'must be UTF-8 text' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // The parser's own message quotes the body; the sender does not need its own payload echoed.
    throw refused([{ path: '(root)', message: 'must be valid JSON' }]);
  }
  const json = unwrapLegacyBody(parsed);
  if (!isPlainObject(json)) {
    throw refused([{ path: '(root)', message: 'must be an object' }]);
  }
  const violations = [...identityViolation(json, 'eventId'), ...identityViolation(json, 'eventName')];
  if (violations.length > 0) {
    throw refused(violations);
  }
  return {
    json,
    text,
    wrapped: json !== parsed,
    eventName: json['eventName'] as string,
    eventId: json['eventId'] as string,
    schema: verdict(json),
  };
}
