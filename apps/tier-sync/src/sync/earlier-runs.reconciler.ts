import { Inject, Injectable, Optional } from '@nestjs/common';
import { type GroupSyncCommand } from '@tiersync/tier-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, CLOCK } from '../clock';
import { type JournalPolicy, TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { type CommandOutcome } from './command-settlement';
import { earlierAdjustment } from './earlier-adjustment';
import { JournalFollower } from './journal.follower';
import { type MemberReport } from './member-sync.runner';
import { lineageOf } from './run-journal';

/** How often a run waiting on an earlier run's lease looks at the ledger again. */
const LEASE_POLL_MS = 250;

/**
 * A member found already in step may have been adjusted by an earlier run of the same command whose result
 * was lost (crash, revoke): that adjustment is reported here, once, instead of as "unchanged".
 */
@Injectable()
export class EarlierRunsReconciler {
  private readonly policy: JournalPolicy;
  private readonly dryRun: boolean;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { sync }: Pick<TierSyncConfig, 'sync'>,
    @Inject(JournalFollower) private readonly journal: Pick<JournalFollower, 'caughtUp' | 'ledger'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordEarlierAdjustment'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.policy = sync.journal;
    this.dryRun = sync.dryRun;
  }

  noteRefused(runId: string, customerId: number): void {
    this.journal.ledger.markUntouched(runId, customerId, this.now());
  }

  async reconcile(
    command: GroupSyncCommand,
    runId: string,
    outcome: CommandOutcome,
    signal: AbortSignal,
  ): Promise<CommandOutcome> {
    if (this.dryRun || !outcome.members.some((m) => m.status === 'UNCHANGED')) {
      return outcome;
    }
    // Deciding on a ledger that has not read what an earlier run wrote would report its adjustment as none.
    if (!(await this.journal.caughtUp())) {
      throw new Error(
        `sync journal not read to its end within ${this.policy.catchUpTimeoutMs} ms: cannot tell whether an earlier run adjusted members of group ${command.groupId}`,
      );
    }
    const members: MemberReport[] = [];
    for (const report of outcome.members) {
      members.push(
        report.status === 'UNCHANGED' ? await this.decide(command, runId, report, signal) : report,
      );
    }
    return { ...outcome, members };
  }

  private async decide(
    command: GroupSyncCommand,
    runId: string,
    report: MemberReport,
    signal: AbortSignal,
  ): Promise<MemberReport> {
    const lineage = lineageOf(command);
    for (;;) {
      const now = this.now();
      const found = earlierAdjustment(
        report.customerId,
        report.tierAfter,
        this.journal.ledger.runsOf(lineage, runId),
        now,
      );
      if (found.kind === 'none') {
        return report;
      }
      if (found.kind === 'wait') {
        await sleep(Math.min(LEASE_POLL_MS, found.until - now), undefined, { signal, ref: false });
        continue;
      }
      const { appliedBy, intended } = found;
      this.metrics.recordEarlierAdjustment(appliedBy.recorded ? 'already_applied' : 'recovered');
      const by = `run ${appliedBy.runId} (attempt ${appliedBy.attempt})`;
      return {
        ...report,
        ...(intended.fromTier ? { tierBefore: intended.fromTier } : {}),
        action: intended.action,
        status: appliedBy.recorded ? 'ALREADY_APPLIED' : 'ADJUSTED',
        note: appliedBy.recorded ? `already applied by ${by}` : `adjusted by ${by}, whose result was lost`,
        appliedBy,
      };
    }
  }
}
