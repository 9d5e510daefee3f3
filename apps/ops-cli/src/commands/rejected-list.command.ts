import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { addPageOptions, limitOf, pageOf, type PageFlags } from '../cli/list-page';
import { renderTable } from '../cli/table';
import { type RejectedEvent } from '../rejected/rejected-event';
import {
  addRejectedFilterOptions,
  rejectedFilterOf,
  type RejectedFilterFlags,
} from '../rejected/rejected-flags';
import { RejectedCatalog, type RejectedEntry } from '../rejected/rejected.catalog';

interface ListFlags extends RejectedFilterFlags, PageFlags {}

/** What a listing shows of an event: everything but the body (see `rejected show`). */
function summaryOf({ event, redrive }: RejectedEntry): Omit<RejectedEvent, 'body' | 'headers'> & {
  bodyBytes: number;
  redrive: RejectedEntry['redrive'];
} {
  const { body, headers: _headers, ...rest } = event;
  return { ...rest, bodyBytes: body.length, redrive };
}

export function registerRejectedListCommand(rejected: Command, deps: CliDeps): void {
  addPageOptions(
    addRejectedFilterOptions(
      rejected.command('list').description('list rejected and quarantined webhooks, newest first'),
    ),
    'webhooks',
  ).action(async (flags: ListFlags, command: Command) => {
    const ctx = commandContext(command, deps);
    const limit = limitOf(flags);
    const view = await new RejectedCatalog(ctx.kafka(), ctx.config.kafka, ctx.output).load(
      rejectedFilterOf(flags),
    );
    const { matching, shown } = pageOf(
      view.entries,
      { limit, pending: flags.pending },
      (e) => e.event.receivedAt,
    );
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
