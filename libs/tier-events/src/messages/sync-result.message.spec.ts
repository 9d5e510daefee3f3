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

  it('reads a result written before runs were journalled, and links a member to the run that applied it', () => {
    const legacy = JSON.parse(JSON.stringify({ ...resultInit(), schemaVersion: 1 })) as Record<
      string,
      unknown
    >;
    expect(parseSyncResult(legacy).runId).toBeUndefined();
    const init = resultInit();
    const runId = '2b1e8a52-6a47-4e3c-9d44-2f4b7c0e9a11';
    const member = { ...init.members[0], outcome: 'ALREADY_APPLIED' as const };
    const linked = createSyncResult({
      ...init,
      runId: '7c4f1a7e-0f0c-4b5e-8d8e-3a9b2c1d0e5f',
      outcome: 'ALREADY_APPLIED',
      members: [{ ...member, appliedBy: { runId, attempt: 0, recorded: true } }],
    } as typeof init);
    expect(parseSyncResult(JSON.parse(JSON.stringify(linked))).members[0]?.appliedBy).toEqual({
      runId,
      attempt: 0,
      recorded: true,
    });
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
      {
        path: 'outcome',
        message: 'must be one of SYNCED, PARTIAL, FAILED, NOTHING_TO_DO, ALREADY_APPLIED, IGNORED',
      },
    ]);
  });
});
