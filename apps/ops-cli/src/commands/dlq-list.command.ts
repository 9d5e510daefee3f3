import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { addPageOptions, limitOf, pageOf, type PageFlags } from '../cli/list-page';
import { renderTable } from '../cli/table';
import { DeadLetterCatalog, type DeadLetterEntry } from '../dlq/dead-letter.catalog';
import { addFilterOptions, filterOf, type DlqFilterFlags } from '../dlq/dlq-flags';

interface ListFlags extends DlqFilterFlags, PageFlags {}

export function registerDlqListCommand(dlq: Command, deps: CliDeps): void {
  addPageOptions(
    addFilterOptions(dlq.command('list').description('list dead letters, newest first')),
    'dead letters',
  ).action(async (flags: ListFlags, command: Command) => {
    const ctx = commandContext(command, deps);
    const limit = limitOf(flags);
    const view = await new DeadLetterCatalog(ctx.kafka(), ctx.config.kafka, ctx.output).load(filterOf(flags));
    const { matching, shown } = pageOf(
      view.entries,
      { limit, pending: flags.pending },
      (e) => e.deadLetter.failedAt,
    );
    const report = {
      topic: view.topic,
      scanned: view.scanned,
      matching: matching.length,
      shown: shown.length,
      unreadable: view.unreadable,
      deadLetters: shown,
    };
    ctx.output.result(report, () => describeList(shown, matching.length));
  });
}

function describeList(shown: DeadLetterEntry[], total: number): string {
  if (total === 0) {
    return 'No matching dead letters.';
  }
  const table = renderTable(
    ['dead letter id', 'failed at', 'group', 'customer', 'kind', 'code', 'attempts', 'redriven', 'reason'],
    shown.map(({ deadLetter: d, redrive }) => [
      d.deadLetterId,
      new Date(d.failedAt).toISOString(),
      d.groupId,
      d.customerId,
      d.command.kind,
      d.reason.code === undefined ? undefined : String(d.reason.code),
      d.attempts,
      redrive ? 'yes' : 'no',
      d.reason.message.length > 60 ? `${d.reason.message.slice(0, 57)}...` : d.reason.message,
    ]),
  );
  return `${table}\n\n${shown.length} of ${total} matching dead letter(s).`;
}
