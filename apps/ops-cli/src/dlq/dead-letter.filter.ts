import { type DeadLetter } from '@tiersync/tier-events';

export interface DeadLetterFilter {
  ids?: readonly string[];
  groupIds?: readonly number[];
  /** Compared as text: network codes are words (8015, "ECONNRESET"). */
  codes?: readonly string[];
  /** Inclusive start, exclusive end. */
  since?: number;
  until?: number;
}

export function matchesFilter(letter: DeadLetter, filter: DeadLetterFilter): boolean {
  const code = letter.reason.code === undefined ? undefined : String(letter.reason.code);
  return (
    (!filter.ids?.length || filter.ids.includes(letter.deadLetterId)) &&
    (!filter.groupIds?.length || filter.groupIds.includes(letter.groupId)) &&
    (!filter.codes?.length || (code !== undefined && filter.codes.includes(code))) &&
    (filter.since === undefined || letter.failedAt >= filter.since) &&
    (filter.until === undefined || letter.failedAt < filter.until)
  );
}

/** Redrive refuses to run on everything by accident. */
export function isSelective(filter: DeadLetterFilter): boolean {
  return (
    (filter.ids?.length ?? 0) > 0 ||
    (filter.groupIds?.length ?? 0) > 0 ||
    (filter.codes?.length ?? 0) > 0 ||
    filter.since !== undefined ||
    filter.until !== undefined
  );
}
