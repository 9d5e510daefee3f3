import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { DeadLetterCatalog } from '../dlq/dead-letter.catalog';

export function registerDlqShowCommand(dlq: Command, deps: CliDeps): void {
  dlq
    .command('show')
    .description('print one dead letter in full, with where it is and whether it was redriven')
    .argument('<deadLetterId>', 'the dead letter id (see dlq list)')
    .action(async (deadLetterId: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command, deps);
      const view = await new DeadLetterCatalog(ctx.kafka(), ctx.config.kafka, ctx.output).load({
        ids: [deadLetterId],
      });
      const entry = view.entries[0];
      if (!entry) {
        throw new Error(
          `dead letter ${deadLetterId} not found in ${view.topic} (${view.scanned} records read)`,
        );
      }
      ctx.output.result(entry, () => {
        const { deadLetter: d, location, redrive } = entry;
        return [
          `Dead letter ${d.deadLetterId} (${location.topic} partition ${location.partition} offset ${location.offset})`,
          `Failed at ${new Date(d.failedAt).toISOString()} after ${d.attempts} attempt(s): ${d.reason.message}`,
          redrive
            ? `Redriven at ${new Date(redrive.redrivenAt).toISOString()} as command ${redrive.commandId}`
            : 'Not redriven.',
          '',
          JSON.stringify(d, null, 2),
        ].join('\n');
      });
    });
}
