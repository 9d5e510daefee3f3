/** UTC is the simulator's "server timezone". */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDay(date.getTime());
}

/** As tierExpiryDateInMillis carries it. */
export function endOfDayMs(day: string): number {
  return Date.parse(`${day}T23:59:59Z`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function humanDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const d = date.getUTCDate();
  const suffix =
    d % 10 === 1 && d !== 11
      ? 'st'
      : d % 10 === 2 && d !== 12
        ? 'nd'
        : d % 10 === 3 && d !== 13
          ? 'rd'
          : 'th';
  return `${d}${suffix} ${MONTHS[date.getUTCMonth()] ?? ''}, ${date.getUTCFullYear()}`;
}

/** The optional HH:MM:SS follows a wording of the vendor's docs (docs/architecture.md, API fact 17). */
export function parseDay(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}:\d{2})?$/.exec(value);
  const day = match?.[1];
  if (!day) {
    return undefined;
  }
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : undefined;
}
