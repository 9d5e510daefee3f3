import {
  createGroupSyncCommand,
  type GroupSyncCommand,
  type GroupSyncCommandInit,
} from '@tiersync/tier-events';

/** Copied through JSON, exactly as it travels, then validated again so nothing invalid is produced. */
export function deriveCommand(
  command: GroupSyncCommand,
  changes: Partial<GroupSyncCommandInit>,
): GroupSyncCommand {
  const plain = JSON.parse(JSON.stringify(command)) as GroupSyncCommandInit;
  return createGroupSyncCommand({ ...plain, ...changes });
}
