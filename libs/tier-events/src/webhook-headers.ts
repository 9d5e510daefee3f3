export const WEBHOOK_HEADERS = {
  eventName: 'eventName',
  eventId: 'eventId',
  eventKind: 'eventKind',
  receivedAt: 'receivedAt',
  schemaVersion: 'schemaVersion',
  traceId: 'traceId',
  unknown: 'unknown',
  bodyWrapper: 'bodyWrapper',
  /** The body as received, when re-serialising the unwrapped event could alter a number. */
  rawBody: 'rawBody',
  reason: 'reason',
  violations: 'violations',
  requestHeaders: 'requestHeaders',
} as const;
