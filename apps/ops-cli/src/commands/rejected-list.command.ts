import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { renderTable } from '../cli/table';
import { UsageError } from '../cli/usage.error';
import { type RejectedEvent } from '../rejected/rejected-event';
import {
  addRejectedFilterOptions,
  rejectedFilterOf,
  type RejectedFilterFlags,
} from '../rejected/rejected-flags';
import { RejectedCatalog, type RejectedEntry } from '../rejected/rejected.catalog';

interface ListFlags extends RejectedFilterFlags {
  limit: string;
  pending?: boolean;
}

/** What a listing shows of an event: everything but the body (see `rejected show`). */
export function summaryOf({ event, redrive }: RejectedEntry): Omit<RejectedEvent, 'body' | 'headers'> & {
  bodyBytes: number;
  redrive: RejectedEntry['redrive'];
} {
  const { body, headers: _headers, ...rest } = event;
  return { ...rest, bodyBytes: body.length, redrive };
}

export function registerRejectedListCommand(rejected: Command, deps: CliDeps): void {
  addRejectedFilterOptions(
    rejected.command('list').description('list rejected and quarantined webhooks, newest first'),
  )
    .option('--pending', 'only those not redriven yet')
    .option('--limit <n>', 'show at most n (0 = all)', '50')
    .action(async (flags: ListFlags, command: Command) => {
      const ctx = commandContext(command, deps);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 0) {
        throw new UsageError(`--limit ${flags.limit}: expected a whole number >= 0`);
      }
      const view = await new RejectedCatalog(ctx.kafka(), ctx.config.kafka, ctx.output).load(
        rejectedFilterOf(flags),
      );
      const matching = view.entries
        .filter((e) => flags.pending !== true || e.redrive === null)
        .sort((a, b) => b.event.receivedAt - a.event.receivedAt);
      const shown = limit === 0 ? matching : matching.slice(0, limit);
      const report = {
        topics: view.topics,
        scanned: view.scanned,
        matching: matching.length,
        shown: shown.length,
        events: shown.map(summaryOf),
      };
      ctx.output.result(report, () => describeList(shown, matching.length));
    });
}

function describeList(shown: RejectedEntry[], total: number): string {
  if (total === 0) {
    return 'No matching rejected or quarantined webhooks.';
  }
  const table = renderTable(
    ['id', 'received at', 'origin', 'event', 'event id', 'redriven', 'reason'],
    shown.map(({ event: e, redrive }) => [
      e.id,
      new Date(e.receivedAt).toISOString(),
      e.origin,
      e.eventName,
      e.eventId,
      redrive ? 'yes' : 'no',
      e.reason.length > 60 ? `${e.reason.slice(0, 57)}...` : e.reason,
    ]),
  );
  return `${table}\n\n${shown.length} of ${total} matching webhook(s).`;
}
