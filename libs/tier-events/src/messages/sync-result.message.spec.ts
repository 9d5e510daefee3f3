import { violationsOf } from '../../test/violations-of';
import { resultInit } from '../testing/message.fixtures';
import { createSyncResult, MemberSyncResult, parseSyncResult, SyncResult } from './sync-result.message';

describe(SyncResult.name, () => {
  it('round-trips a result with per-member plans through JSON', () => {
    const result = createSyncResult(resultInit());
    expect(result.members[0]).toBeInstanceOf(MemberSyncResult);
    expect(result).toEqual({ ...resultInit(), schemaVersion: 1 });
    expect(parseSyncResult(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('accepts a result without members (an ignored command)', () => {
    const result = createSyncResult({ ...resultInit(), outcome: 'IGNORED', members: [] });
    expect(result.outcome).toBe('IGNORED');
  });

  it('addresses member violations by index', () => {
    const raw = JSON.parse(JSON.stringify({ ...resultInit(), schemaVersion: 1 })) as Record<string, unknown>;
    raw['outcome'] = 'DONE';
    raw['members'] = [
      { customerId: 1, action: 'MOVE', outcome: 'ADJUSTED', attempts: 1, error: { message: '' } },
    ];
    expect(violationsOf(() => parseSyncResult(raw))).toEqual([
      { path: 'members[0].action', message: 'must be one of UPGRADE, DOWNGRADE, RENEWAL, NONE' },
      { path: 'members[0].error.message', message: 'must not be empty' },
      { path: 'members[0].error.retryable', message: 'is required' },
      { path: 'outcome', message: 'must be one of SYNCED, PARTIAL, FAILED, NOTHING_TO_DO, IGNORED' },
    ]);
  });
});
