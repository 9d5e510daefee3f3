import { createSyncResult, type SyncResult, type SyncResultInit } from '@tiersync/tier-events';

/** What a sync-results record touching no member says: which command, why, and its outcome. */
export type MemberlessResultInit = Omit<
  SyncResultInit,
  'members' | 'startedAt' | 'finishedAt' | 'durationMs' | 'reason'
> & { reason: string };

/**
 * The record of a command (or an ignored event) that ended before any member was read: an IGNORED event,
 * or a command the consumer gave up on. It takes no time, so it starts and finishes `at`.
 */
export function memberlessResult(init: MemberlessResultInit, at: number): SyncResult {
  return createSyncResult({ ...init, members: [], startedAt: at, finishedAt: at, durationMs: 0 });
}
