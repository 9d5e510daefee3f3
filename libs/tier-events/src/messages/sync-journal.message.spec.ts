import { violationsOf } from '../../test/violations-of';
import { createSyncJournalIntent, parseSyncJournalIntent } from './sync-journal.message';

const intent = {
  commandId: '0b6f3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  kind: 'TIER_SYNC' as const,
  groupId: 7,
  lineageId: '0b6f3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  runId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  attempt: 0,
  members: [
    {
      customerId: 3,
      action: 'UPGRADE' as const,
      fromTier: { number: 1 },
      toTier: { number: 3, name: 'Gold' },
    },
  ],
  leaseUntil: 1_700_000_030_000,
  writtenAt: 1_700_000_000_000,
};

describe('SyncJournalIntent', () => {
  it('round-trips through JSON', () => {
    const created = createSyncJournalIntent(intent);
    expect(parseSyncJournalIntent(JSON.parse(JSON.stringify(created)))).toEqual(created);
  });

  it('names only writing actions: a member left as it was is never journalled', () => {
    const raw = { ...intent, schemaVersion: 1, members: [{ ...intent.members[0], action: 'NONE' }] };
    expect(violationsOf(() => parseSyncJournalIntent(raw))).toEqual([
      { path: 'members[0].action', message: 'must be one of UPGRADE, DOWNGRADE, RENEWAL' },
    ]);
  });
});
