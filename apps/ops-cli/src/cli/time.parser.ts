import { UsageError } from './usage.error';

/** A bare number below 10^11 is almost certainly epoch SECONDS: refused rather than read as January 1970. */
export function parseInstant(value: string, flag: string): number {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const ms = Number(text);
    if (ms < 1e11) {
      throw new UsageError(`${flag} ${text}: looks like epoch seconds; give epoch milliseconds or ISO 8601`);
    }
    return ms;
  }
  // A date (UTC midnight) or a date-time WITH its zone: a zone-less time would depend on the machine's TZ.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text)) {
    throw new UsageError(
      `${flag} ${text}: expected ISO 8601 with a zone (e.g. 2025-06-01T12:00:00Z) or epoch milliseconds`,
    );
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !isCalendarDate(text)) {
    throw new UsageError(`${flag} ${text}: not a valid date`);
  }
  return ms;
}

/** Date.parse rolls 2025-02-30 over to March 2nd; an operator who typed it made a mistake. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

/** --since / --until of the list and redrive commands. */
export function timeRangeOf(flags: { since?: string; until?: string }): { since?: number; until?: number } {
  const since = flags.since === undefined ? undefined : parseInstant(flags.since, '--since');
  const until = flags.until === undefined ? undefined : parseInstant(flags.until, '--until');
  if (since !== undefined && until !== undefined && since >= until) {
    throw new UsageError('--since must be before --until');
  }
  return { since, until };
}
