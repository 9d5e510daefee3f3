import { createGroupSyncCommand, type DeadLetter, type GroupSyncCommand } from '@tiersync/tier-events';
import { uuidV5 } from './uuid-v5';

/** The same dead letter always yields the same id, so it can never become two commands. */
export function redriveCommandId(deadLetterId: string): string {
  return uuidV5(`redrive:${deadLetterId}`);
}

export function redriveCommandOf(dead: DeadLetter, now: number): GroupSyncCommand {
  const { command } = dead;
  return createGroupSyncCommand({
    commandId: redriveCommandId(dead.deadLetterId),
    kind: command.kind,
    groupId: command.groupId,
    primaryCustomerId: command.primaryCustomerId,
    programId: command.programId,
    trigger: command.trigger,
    memberIds: command.memberIds,
    partner: command.partner,
    attempt: 0,
    provenance: { source: 'redrive', deadLetterId: dead.deadLetterId, originalCommandId: dead.commandId },
    createdAt: now,
  });
}
