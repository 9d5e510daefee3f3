import { type Command } from 'commander';
import { UsageError } from './usage.error';

export interface PageFlags {
  limit: string;
  pending?: boolean;
}

export function addPageOptions(command: Command, what: string): Command {
  return command
    .option('--pending', `only ${what} not redriven yet`)
    .option('--limit <n>', 'show at most n (0 = all)', '50');
}

/** Checked before anything is read, so a typo costs no scan. */
export function limitOf(flags: PageFlags): number {
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new UsageError(`--limit ${flags.limit}: expected a whole number >= 0`);
  }
  return limit;
}

/** Newest first; with --pending only what the ledger does not hold; at most `limit` (0 = all). */
export function pageOf<T extends { redrive: unknown }>(
  entries: readonly T[],
  options: { limit: number; pending?: boolean },
  at: (entry: T) => number,
): { matching: T[]; shown: T[] } {
  const matching = entries
    .filter((e) => options.pending !== true || e.redrive === null)
    .sort((a, b) => at(b) - at(a));
  return { matching, shown: options.limit === 0 ? matching : matching.slice(0, options.limit) };
}
