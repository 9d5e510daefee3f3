import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const INVALID_TRACE_ID = '0'.repeat(32);
/** Caller-supplied ids land in Kafka headers and logs: short, printable, no separators to forge fields. */
const SAFE_ID = /^[\w.:-]{1,128}$/;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

export function traceIdOf(headers: IncomingHttpHeaders): string {
  const traceparent = TRACEPARENT.exec(single(headers['traceparent'])?.toLowerCase() ?? '')?.[1];
  if (traceparent !== undefined && traceparent !== INVALID_TRACE_ID) {
    return traceparent;
  }
  for (const name of ['x-request-id', 'x-trace-id']) {
    const value = single(headers[name]);
    if (value !== undefined && SAFE_ID.test(value)) {
      return value;
    }
  }
  return randomUUID().replaceAll('-', '');
}
