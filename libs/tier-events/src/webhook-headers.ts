/** Header names of the records the ingress writes; tier-sync and ops-cli read them back. */
export const WEBHOOK_HEADERS = {
  eventName: 'eventName',
  eventId: 'eventId',
  eventKind: 'eventKind',
  receivedAt: 'receivedAt',
  schemaVersion: 'schemaVersion',
  traceId: 'traceId',
  unknown: 'unknown',
  /** The legacy wrapper the value was taken out of. */
  bodyWrapper: 'bodyWrapper',
  /** The body as received, when re-serialising the unwrapped event could alter a number. */
  rawBody: 'rawBody',
  reason: 'reason',
  violations: 'violations',
  requestHeaders: 'requestHeaders',
} as const;
