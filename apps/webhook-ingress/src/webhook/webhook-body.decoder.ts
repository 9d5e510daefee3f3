import { InvalidEventError, parseEvent, unwrapLegacyBody, type ParsedEvent } from '@tiersync/tier-events';
import { TextDecoder } from 'node:util';

export interface DecodedWebhook {
  readonly event: ParsedEvent;
  readonly json: unknown;
  readonly wrapped: boolean;
  readonly text: string;
}

const LABEL = 'webhook body';
// fatal: a body that is not UTF-8 is refused rather than silently repaired with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function invalid(message: string): InvalidEventError {
  return new InvalidEventError(LABEL, [{ path: '(root)', message }]);
}

export function decodeWebhookBody(body: Buffer | undefined): DecodedWebhook {
  let text: string;
  try {
    text = utf8.decode(body ?? Buffer.alloc(0));
  } catch {
    throw invalid('must be UTF-8 text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // The parser's own message quotes the body; the sender does not need its own payload echoed.
    throw invalid('must be valid JSON');
  }
  const json = unwrapLegacyBody(parsed);
  return { event: parseEvent(json), json, wrapped: json !== parsed, text };
}
