import { violationsOf } from '../../test/violations-of';
import { commandInit, partnerCommandInit } from '../testing/message.fixtures';
import {
  createGroupSyncCommand,
  GroupSyncCommand,
  parseGroupSyncCommand,
} from './group-sync-command.message';

describe(GroupSyncCommand.name, () => {
  it.each([
    ['tier sync', commandInit()],
    ['partner sync', partnerCommandInit()],
  ])('round-trips a %s through JSON', (_label, init) => {
    const command = createGroupSyncCommand(init);
    expect(command).toBeInstanceOf(GroupSyncCommand);
    expect(command).toEqual({ ...init, schemaVersion: 1 });
    expect(parseGroupSyncCommand(JSON.parse(JSON.stringify(command)))).toEqual(command);
  });

  it('requires programId except for partner syncs, and partner for partner syncs', () => {
    const { programId: _programId, ...tierSync } = commandInit();
    const { partner: _partner, ...partnerSync } = partnerCommandInit();
    expect(violationsOf(() => parseGroupSyncCommand({ ...tierSync, schemaVersion: 1 }))).toEqual([
      { path: 'programId', message: 'is required' },
    ]);
    expect(violationsOf(() => parseGroupSyncCommand({ ...partnerSync, schemaVersion: 1 }))).toEqual([
      { path: 'partner', message: 'is required' },
    ]);
  });

  it('lists every violation of a malformed command', () => {
    expect(
      violationsOf(() =>
        parseGroupSyncCommand({
          ...commandInit(),
          schemaVersion: 2,
          commandId: 'not-a-uuid',
          kind: 'SYNC',
          trigger: { action: 'UPGRADE' },
          memberIds: [1, 'x'],
          attempt: -1,
          provenance: { source: 'cron' },
        }),
      ),
    ).toEqual([
      { path: 'attempt', message: 'must be at least 0' },
      { path: 'commandId', message: 'must be a uuid' },
      { path: 'kind', message: 'must be one of TIER_SYNC, JOIN_SYNC, PARTNER_SYNC, RECONCILE' },
      { path: 'memberIds', message: 'must be an array of positive integer ids' },
      { path: 'provenance.source', message: 'must be one of webhook, retry, redrive, reconcile, replay' },
      { path: 'schemaVersion', message: 'must be 1' },
      { path: 'trigger.occurredAt', message: 'is required' },
    ]);
  });

  it('carries the group snapshot the router read and checks each of its rows', () => {
    const groupSnapshot = {
      readAt: 1_724_058_034_600,
      groupStatus: 'ACTIVE',
      totalActiveMembers: 2,
      members: [
        { userId: 566998132, primaryMember: true, active: true },
        { userId: 564662499, primaryMember: false, active: true },
      ],
    };
    const command = createGroupSyncCommand({ ...commandInit(), groupSnapshot });
    expect(parseGroupSyncCommand(JSON.parse(JSON.stringify(command)))).toEqual(command);
    expect(
      violationsOf(() =>
        parseGroupSyncCommand({
          ...commandInit(),
          schemaVersion: 1,
          groupSnapshot: { ...groupSnapshot, members: [{ userId: 'x', primaryMember: true }] },
        }),
      ),
    ).toEqual([
      { path: 'groupSnapshot.members[0].active', message: 'is required' },
      { path: 'groupSnapshot.members[0].userId', message: 'must be a positive integer id' },
    ]);
  });

  it('throws from the factory instead of producing an invalid command', () => {
    expect(() => createGroupSyncCommand({ ...commandInit(), groupId: 0 })).toThrow(
      'invalid GroupSyncCommand: groupId: must be a positive integer id',
    );
  });
});
