import { type RejectedEvent } from './rejected-event';

export interface RejectedFilter {
  ids?: readonly string[];
  eventNames?: readonly string[];
  /** A case-insensitive substring of the reason. */
  reason?: string;
  /** Inclusive start, exclusive end, on receivedAt. */
  since?: number;
  until?: number;
}

export function matchesRejected(event: RejectedEvent, filter: RejectedFilter): boolean {
  return (
    (!filter.ids?.length || filter.ids.includes(event.id)) &&
    (!filter.eventNames?.length ||
      (event.eventName !== null && filter.eventNames.includes(event.eventName))) &&
    (filter.reason === undefined || event.reason.toLowerCase().includes(filter.reason.toLowerCase())) &&
    (filter.since === undefined || event.receivedAt >= filter.since) &&
    (filter.until === undefined || event.receivedAt < filter.until)
  );
}

/** Redrive refuses to run on everything by accident. */
export function isSelectiveRejected(filter: RejectedFilter): boolean {
  return (
    (filter.ids?.length ?? 0) > 0 ||
    (filter.eventNames?.length ?? 0) > 0 ||
    filter.reason !== undefined ||
    filter.since !== undefined ||
    filter.until !== undefined
  );
}
