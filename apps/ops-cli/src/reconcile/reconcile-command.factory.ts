import { createGroupSyncCommand, type GroupSyncCommand } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';

export interface ReconcileTarget {
  groupId: number;
  primaryCustomerId: number;
  programId: number;
}

/** No tier in the trigger: tier-sync reads the primary's current tier, so a queued command is never stale. */
export function reconcileCommandOf(
  target: ReconcileTarget,
  now: number,
  newId: () => string = randomUUID,
): GroupSyncCommand {
  return createGroupSyncCommand({
    commandId: newId(),
    kind: 'RECONCILE',
    groupId: target.groupId,
    primaryCustomerId: target.primaryCustomerId,
    programId: target.programId,
    trigger: {
      action: 'RECONCILE',
      eventName: 'opsReconcile',
      occurredAt: now,
    },
    attempt: 0,
    provenance: { source: 'reconcile' },
    createdAt: now,
  });
}
