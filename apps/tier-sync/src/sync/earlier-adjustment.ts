import { type AppliedBy, type IntendedAdjustment, type Plain } from '@tiersync/tier-events';
import { type TierRef } from './member-planner';
import { type LineageRun } from './run-ledger';

export type EarlierAdjustment =
  | { kind: 'none' }
  | { kind: 'wait'; until: number }
  | { kind: 'found'; appliedBy: Plain<AppliedBy>; intended: IntendedAdjustment };

/**
 * For a member this run found already in step: did an earlier run of the lineage make that adjustment? The
 * latest run that intended to bring the member to its current tier did. Recorded when a sync-results record
 * already says so; while that run's lease lasts and it has no result, it may still be writing one. A run whose
 * own result says it left the member alone (an unread upgrade refused with 8925) made no adjustment.
 */
export function earlierAdjustment(
  customerId: number,
  current: TierRef | undefined,
  runs: readonly LineageRun[],
  now: number,
): EarlierAdjustment {
  let latest:
    { run: LineageRun; writtenAt: number; attempt: number; intended: IntendedAdjustment } | undefined;
  for (const run of runs.filter(({ record }) => !record.untouched.has(customerId))) {
    for (const { members, writtenAt, attempt } of run.record.intents) {
      const intended = members.find((m) => m.customerId === customerId);
      if (intended && intended.toTier.number === current?.number && writtenAt >= (latest?.writtenAt ?? 0)) {
        latest = { run, writtenAt, attempt, intended };
      }
    }
  }
  if (!latest) {
    return { kind: 'none' };
  }
  const { run, attempt, intended } = latest;
  const leaseUntil = Math.max(...run.record.intents.map((i) => i.leaseUntil));
  const recorded = run.record.recorded.has(customerId);
  if (!recorded && !run.record.resulted && leaseUntil > now) {
    return { kind: 'wait', until: leaseUntil };
  }
  return { kind: 'found', appliedBy: { runId: run.runId, attempt, recorded }, intended };
}
