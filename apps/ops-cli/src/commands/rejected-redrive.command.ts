import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { UsageError } from '../cli/usage.error';
import {
  addRejectedFilterOptions,
  rejectedFilterOf,
  type RejectedFilterFlags,
} from '../rejected/rejected-flags';
import { RejectedCatalog } from '../rejected/rejected.catalog';
import { isSelectiveRejected } from '../rejected/rejected.filter';
import { planRejectedRedrive, redriveRejected } from '../rejected/rejected.redriver';

interface RedriveFlags extends RejectedFilterFlags {
  all?: boolean;
  dryRun?: boolean;
}

export function registerRejectedRedriveCommand(rejected: Command, deps: CliDeps): void {
  addRejectedFilterOptions(
    rejected
      .command('redrive')
      .description('publish the webhooks that parse now to the webhook-events topic, once each')
      .argument('[ids...]', 'topic:partition:offset ids (or select with the filters, or --all)'),
  )
    .option('--all', 'every rejected or quarantined webhook not redriven yet (no filter needed)')
    .option('--dry-run', 'show what would be redriven and what still fails; publish nothing')
    .addHelpText('after', HELP)
    .action(async (ids: string[], flags: RedriveFlags, command: Command) => {
      const ctx = commandContext(command, deps);
      const filter = rejectedFilterOf(flags, ids);
      if (!isSelectiveRejected(filter) && flags.all !== true) {
        throw new UsageError(
          'name the webhooks to redrive: ids, filters (--event-name, --reason, --since, --until) or --all',
        );
      }
      const catalog = new RejectedCatalog(ctx.kafka(), ctx.config.kafka, ctx.output);
      const view = await catalog.load(filter);
      const missing = ids.filter((id) => !view.entries.some((e) => e.event.id === id));
      if (missing.length > 0) {
        throw new UsageError(`not found in ${view.topics.join(' or ')}: ${missing.join(', ')}`);
      }
      const plan = planRejectedRedrive(view.entries);
      const eventTopic = ctx.config.kafka.topics.webhookEvents;
      const redriven =
        flags.dryRun === true
          ? []
          : await redriveRejected(
              ctx.kafka(),
              plan.toRedrive,
              { events: eventTopic, ledger: catalog.ledger },
              ctx.output,
            );
      const report = {
        dryRun: flags.dryRun === true,
        eventTopic,
        ledgerTopic: catalog.ledger.topic,
        selected: view.entries.length,
        toRedrive: plan.toRedrive.map(({ id, eventId, eventName, key }) => ({ id, eventId, eventName, key })),
        redriven,
        stillFailing: plan.stillFailing,
        alreadyRedriven: plan.alreadyRedriven,
      };
      ctx.output.result(report, () =>
        [
          flags.dryRun === true
            ? `Would redrive ${plan.toRedrive.length} webhook(s) to ${eventTopic}.`
            : `Redrove ${redriven.length} webhook(s) to ${eventTopic}.`,
          ...report.toRedrive.map((r) => `  ${r.id} -> ${r.eventName} ${r.eventId} (key ${r.key})`),
          `${plan.stillFailing.length} still fail with the current parser (not sent).`,
          ...plan.stillFailing.map((f) => `  ${f.id}: ${f.reason}`),
          `${plan.alreadyRedriven.length} already redriven before (skipped).`,
          ...plan.alreadyRedriven.map(
            (r) => `  ${r.sourceId} was redriven ${new Date(r.redrivenAt).toISOString()}`,
          ),
        ].join('\n'),
      );
    });
}

const HELP = `
Reads <prefix>webhook-rejected.v1 (bodies the ingress answered 400) and the webhook events tier-sync kept
on <prefix>dlq.v1 because it could not read them (header source = <prefix>webhook-events.v1:...). Each
body is read again with the CURRENT parser; one that passes its schema is published to
<prefix>webhook-events.v1 as the ingress would (same key, headers schema=valid), with its original headers
(less reason, violations, source) and redrivenFrom = the id it came from; a quarantined one also gets
requeuedFrom, so tier-sync routes it as the original record delivered again. The others are reported
with the reason they still fail. Every redrive is recorded in the compacted topic
<prefix>rejected-redrives.v1 (key = id): redriving the same record twice publishes it once.

Examples:
  ops rejected redrive --event-name tierUpgraded --since 2025-06-01T00:00:00Z --dry-run
  ops rejected redrive tiersync.webhook-rejected.v1:0:42
`;
