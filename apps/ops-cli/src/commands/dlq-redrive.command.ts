import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { UsageError } from '../cli/usage.error';
import { DeadLetterCatalog } from '../dlq/dead-letter.catalog';
import { isSelective } from '../dlq/dead-letter.filter';
import { addFilterOptions, filterOf, type DlqFilterFlags } from '../dlq/dlq-flags';
import { planRedrive, redrive } from '../dlq/redriver';

interface RedriveFlags extends DlqFilterFlags {
  all?: boolean;
  dryRun?: boolean;
}

export function registerDlqRedriveCommand(dlq: Command, deps: CliDeps): void {
  addFilterOptions(
    dlq
      .command('redrive')
      .description("republish dead letters' commands to the group-commands topic, once each")
      .argument('[deadLetterIds...]', 'dead letter ids (or select with the filters, or --all)'),
  )
    .option('--all', 'every dead letter not redriven yet (no filter needed)')
    .option('--dry-run', 'show what would be redriven; publish nothing')
    .addHelpText('after', HELP)
    .action(async (ids: string[], flags: RedriveFlags, command: Command) => {
      const ctx = commandContext(command, deps);
      const filter = filterOf(flags, ids);
      if (!isSelective(filter) && flags.all !== true) {
        throw new UsageError(
          'name the dead letters to redrive: ids, filters (--group, --code, --since, --until) or --all',
        );
      }
      const catalog = new DeadLetterCatalog(ctx.kafka(), ctx.config.kafka, ctx.output);
      const view = await catalog.load(filter);
      const missing = ids.filter((id) => !view.entries.some((e) => e.deadLetter.deadLetterId === id));
      if (missing.length > 0) {
        throw new UsageError(`dead letter(s) not found in ${view.topic}: ${missing.join(', ')}`);
      }
      const plan = planRedrive(view.entries);
      const redriven =
        flags.dryRun === true
          ? []
          : await redrive(
              ctx.kafka(),
              view.entries,
              { commands: ctx.config.kafka.topics.groupCommands, ledger: catalog.ledger },
              ctx.output,
            );
      const report = {
        dryRun: flags.dryRun === true,
        commandTopic: ctx.config.kafka.topics.groupCommands,
        ledgerTopic: catalog.ledger.topic,
        selected: view.entries.length,
        toRedrive: plan.toRedrive,
        redriven,
        alreadyRedriven: plan.alreadyRedriven,
      };
      ctx.output.result(report, () =>
        [
          flags.dryRun === true
            ? `Would redrive ${plan.toRedrive.length} dead letter(s) to ${report.commandTopic}.`
            : `Redrove ${redriven.length} dead letter(s) to ${report.commandTopic}.`,
          ...plan.toRedrive.map((r) => `  ${r.deadLetterId} -> command ${r.commandId} (group ${r.groupId})`),
          `${plan.alreadyRedriven.length} already redriven before (skipped).`,
          ...plan.alreadyRedriven.map(
            (r) =>
              `  ${r.deadLetterId} was redriven ${new Date(r.redrivenAt).toISOString()} as ${r.commandId}`,
          ),
        ].join('\n'),
      );
    });
}

const HELP = `
Each dead letter's command (restricted to its failed member) is published again with attempt 0, a
command id derived from the dead letter id (UUIDv5, so always the same one), and provenance
{ source: 'redrive', deadLetterId, originalCommandId }. Every redrive is recorded in the compacted topic
<prefix>dlq-redrives.v1 (key = dead letter id) and dead letters found there are skipped: redriving the
same dead letter twice publishes one command. If the redriven command fails again, it produces a NEW
dead letter, which can be redriven in turn.

Examples:
  ops dlq redrive 0b6f5c1e-3f0a-4f57-9d55-0e8a3a4b2c11
  ops dlq redrive --code 521 --since 2025-06-01T00:00:00Z --dry-run
`;
