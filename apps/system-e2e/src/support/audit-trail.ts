import { type SimCall } from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { distinctRuns } from './accounting';
import { type E2eSystem } from './e2e-system';

const COMMAND_IN_REASON = /command ([0-9a-f-]{36})/;

/** `customer command` for every adjustment the simulator performed, sorted. */
export function performedAdjustments(system: E2eSystem): string[] {
  return adjustmentsMadeBy(system.adjustments());
}

/** `customer command` for every adjustment among these calls that Capillary carried out: answered 200, or
 * carried out and then answered with an error or a dropped connection (the simulator's lost answer). */
export function adjustmentsMadeBy(calls: readonly SimCall[]): string[] {
  return calls
    .filter((call) => call.status === 200 || call.fault === 'lost-answer')
    .map((call) => {
      const reason = (call.body as { slabChangeReason?: string } | undefined)?.slabChangeReason ?? '';
      return `${call.query['identifierValue'] ?? '?'} ${COMMAND_IN_REASON.exec(reason)?.[1] ?? '?'}`;
    })
    .sort();
}

/** `customer command` for every member a sync-results record says was ADJUSTED, sorted. A result whose
 * publish was retried may be on the topic twice, with the same runId: it counts once. */
export function recordedAdjustments(results: readonly SyncResult[]): string[] {
  return distinctRuns(results)
    .flatMap((r) =>
      r.members.filter((m) => m.outcome === 'ADJUSTED').map((m) => `${m.customerId} ${r.commandId}`),
    )
    .sort();
}
