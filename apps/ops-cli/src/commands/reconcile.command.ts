import { CapillaryClient } from '@tiersync/capillary-client';
import { EventPublisher } from '@tiersync/kafka';
import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { parseIdList } from '../cli/id-list.parser';
import { ProgressReporter } from '../cli/progress-reporter';
import { ReportedFailureError } from '../cli/reported-failure.error';
import { UsageError } from '../cli/usage.error';
import { requireCapillary } from '../config/ops.config';
import { forEachBounded } from '../reconcile/bounded-pool';
import { CallPacer } from '../reconcile/call-pacer';
import { groupIdsOf } from '../reconcile/group-id.source';
import { groupSelectionOf, type SelectionFlags } from '../reconcile/group-selection';
import { GroupSnapshotReader } from '../reconcile/group-snapshot.reader';
import { describeReconcile, summarise } from '../reconcile/reconcile.report';
import { reconcileGroup, type GroupReport } from '../reconcile/reconciler';

interface ReconcileFlags extends SelectionFlags {
  program?: string;
  dryRun?: boolean;
  skipCheck?: boolean;
  policy?: string;
  capillaryUrl?: string;
  rateLimit?: string;
}

export function registerReconcileCommand(program: Command, deps: CliDeps): void {
  program
    .command('reconcile')
    .description('find groups whose secondaries are out of step with their primary and queue RECONCILE syncs')
    .option('--group <id>', 'one group id')
    .option('--groups <ids>', 'group ids, comma-separated')
    .option('--groups-file <path>', 'a file of group ids (one per line or comma-separated, # comments)')
    .option('--all', "every group Capillary's group search returns (paged)")
    .option('--search <query>', 'with --all: the group search query (default: empty)')
    .option('--program <ids>', 'only these loyalty program ids (default: every program of the primary)')
    .option('--dry-run', 'report drift (primary vs member tiers) and write nothing')
    .option('--skip-check', 'queue a RECONCILE for every selected group without reading member tiers first')
    .option(
      '--policy <policy>',
      'mirror | upgrade-only: is a member above the primary drift? (env SYNC_DOWNGRADE_POLICY)',
    )
    .option('--capillary-url <url>', 'Capillary base URL (env CAPILLARY_BASE_URL)')
    .option(
      '--rate-limit <perMinute>',
      'Capillary calls per minute, 0 = none (env CAPILLARY_RATE_LIMIT_PER_MINUTE)',
    )
    .addHelpText('after', HELP)
    .action(async (flags: ReconcileFlags, command: Command) => {
      const ctx = commandContext(command, deps, {
        SYNC_DOWNGRADE_POLICY: flags.policy,
        CAPILLARY_BASE_URL: flags.capillaryUrl,
        CAPILLARY_RATE_LIMIT_PER_MINUTE: flags.rateLimit,
      });
      if (flags.dryRun === true && flags.skipCheck === true) {
        throw new UsageError('--dry-run reports drift, which --skip-check does not read: use one of them');
      }
      const selection = groupSelectionOf(flags);
      const capillary = requireCapillary(ctx.config);
      const options = {
        policy: ctx.config.downgradePolicy,
        programIds: flags.program === undefined ? [] : parseIdList(flags.program, '--program'),
        check: flags.skipCheck !== true,
        dryRun: flags.dryRun === true,
      };
      const topic = ctx.config.kafka.topics.groupCommands;
      const publisher = options.dryRun ? undefined : new EventPublisher(ctx.kafka());
      const client = new CapillaryClient(capillary);
      const reports: GroupReport[] = [];
      try {
        await publisher?.connect();
        const total = selection.kind === 'ids' ? selection.ids.length : undefined;
        const progress = new ProgressReporter(ctx.output, 'reconciling groups', total);
        const reconcileDeps = {
          reader: new GroupSnapshotReader(client),
          pacer: new CallPacer(capillary.rateLimitPerMinute),
          publisher: publisher && { publisher, topic },
          progress,
        };
        await forEachBounded(groupIdsOf(selection, client), capillary.maxConcurrency, async (groupId) => {
          reports.push(await reconcileGroup(groupId, options, reconcileDeps));
        });
        progress.finish();
      } finally {
        // Keep-alive sockets would otherwise hold the process open after the report.
        client.close();
        await publisher?.disconnect();
      }
      if (selection.kind === 'search' && reports.length === 0) {
        ctx.output.warn(
          `Capillary's group search returned no group for "${selection.query}"; it matches ids, names, ` +
            "external ids and the primary's contacts, so --all may need a --search query",
        );
      }
      const report = summarise(reports, { ...options, topic });
      ctx.output.result(report, () => describeReconcile(report));
      if (report.totals.failed > 0) {
        throw new ReportedFailureError(
          `${report.totals.failed} group(s) could not be reconciled (see the report)`,
        );
      }
    });
}

const HELP = `
Drift: an ACTIVE secondary whose tier (per program of the primary) differs from the primary's current
tier; under --policy upgrade-only a member above the primary is not drift (the sync leaves it).
Without --dry-run, one RECONCILE command per drifted group and program goes to <prefix>group-commands.v1
(key = group id); tier-sync then re-reads the primary's current tier and adjusts the members.
Capillary reads go through the client's rate limit; commands are paced so that the calls they will cost
tier-sync stay within the same per-minute budget (CAPILLARY_RATE_LIMIT_PER_MINUTE, 0 = unpaced).

Examples:
  ops reconcile --group 3918893 --dry-run
  ops reconcile --groups-file drifted.txt --rate-limit 600
  ops reconcile --all --search family --json > drift.json
`;
