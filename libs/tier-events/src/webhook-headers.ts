export const WEBHOOK_HEADERS = {
  eventName: 'eventName',
  eventId: 'eventId',
  eventKind: 'eventKind',
  receivedAt: 'receivedAt',
  schemaVersion: 'schemaVersion',
  traceId: 'traceId',
  unknown: 'unknown',
  /** `valid` or `invalid`: whether the body passed its event schema at the ingress (both are accepted). */
  schema: 'schema',
  /** With schema=invalid: the violations as JSON, at most MAX_VIOLATIONS_HEADER_CHARS characters. */
  schemaViolations: 'schemaViolations',
  /** On a webhook event put back on its topic: `partition:offset` of the record first consumed. */
  requeuedFrom: 'requeuedFrom',
  /** On a record `ops rejected redrive` wrote: the `topic:partition:offset` it was brought back from. */
  redrivenFrom: 'redrivenFrom',
  bodyWrapper: 'bodyWrapper',
  rawBody: 'rawBody',
  reason: 'reason',
  violations: 'violations',
  /** On a record tier-sync could not read and kept on the DLQ: `topic:partition:offset` it was read from. */
  source: 'source',
  requestHeaders: 'requestHeaders',
} as const;
