export const WEBHOOK_HEADERS = {
  eventName: 'eventName',
  eventId: 'eventId',
  eventKind: 'eventKind',
  receivedAt: 'receivedAt',
  schemaVersion: 'schemaVersion',
  traceId: 'traceId',
  unknown: 'unknown',
  bodyWrapper: 'bodyWrapper',
  rawBody: 'rawBody',
  reason: 'reason',
  violations: 'violations',
  requestHeaders: 'requestHeaders',
} as const;
