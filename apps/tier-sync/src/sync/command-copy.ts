import {
  createGroupSyncCommand,
  type GroupSyncCommand,
  type GroupSyncCommandInit,
} from '@tiersync/tier-events';

/** Copied through JSON, exactly as it travels, then validated again so nothing invalid is produced. A copy
 * runs later than its original, so it reads the group itself rather than carry the router's snapshot. */
export function deriveCommand(
  command: GroupSyncCommand,
  changes: Partial<GroupSyncCommandInit>,
): GroupSyncCommand {
  const { groupSnapshot: _stale, ...plain } = JSON.parse(JSON.stringify(command)) as GroupSyncCommandInit;
  return createGroupSyncCommand({ ...plain, ...changes });
}
