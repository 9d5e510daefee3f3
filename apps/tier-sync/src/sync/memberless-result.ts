import { createSyncResult, type SyncResult, type SyncResultInit } from '@tiersync/tier-events';

export type MemberlessResultInit = Omit<
  SyncResultInit,
  'members' | 'startedAt' | 'finishedAt' | 'durationMs' | 'reason'
> & { reason: string };

export function memberlessResult(init: MemberlessResultInit, at: number): SyncResult {
  return createSyncResult({ ...init, members: [], startedAt: at, finishedAt: at, durationMs: 0 });
}
