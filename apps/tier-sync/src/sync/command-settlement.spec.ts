import { createSyncResult, parseDeadLetter, parseGroupSyncCommand } from '@tiersync/tier-events';
import { testCommand, testPolicy } from '../../test/sync-fixtures';
import { type CommandOutcome, settle, type SettleContext } from './command-settlement';
import { type MemberReport } from './member-sync.runner';

const retry = testPolicy().retry; // maxAttempts 3, retryDelayMs 1000
let ids = 0;
const ctx = (): SettleContext => ({
  startedAt: 1000,
  now: 1500,
  dryRun: false,
  newId: () => `00000000-0000-4000-9000-${String(++ids).padStart(12, '0')}`,
  source: { topic: 't', partition: 0, offset: '42' },
  random: () => 1,
});

const member = (
  customerId: number,
  status: MemberReport['status'],
  over: Partial<MemberReport> = {},
): MemberReport => ({
  customerId,
  action: status === 'UNCHANGED' || status === 'SKIPPED' ? 'NONE' : 'UPGRADE',
  status,
  attempts: 1,
  note: 'n',
  ...over,
});
const retryableError = { message: '503', status: 503, retryable: true };
const permanentError = { message: '3045 refused', status: 400, code: 3045, retryable: false };
const target = { number: 2, name: 'Gold' };

describe(settle.name, () => {
  it('records a clean sync as SYNCED with one result and nothing else', () => {
    const outcome: CommandOutcome = {
      programId: 973,
      target,
      members: [member(2, 'ADJUSTED'), member(3, 'UNCHANGED')],
    };
    const settled = settle(testCommand(), outcome, retry, ctx());
    expect(settled.retry).toBeUndefined();
    expect(settled.deadLetters).toEqual([]);
    expect(settled.result).toMatchObject({
      outcome: 'SYNCED',
      target: { tierNumber: 2, tierName: 'Gold' },
      durationMs: 500,
      reason: '1 adjusted, 1 unchanged',
    });
    expect(() => createSyncResult(settled.result)).not.toThrow();
  });

  it.each([
    [[member(2, 'UNCHANGED'), member(3, 'SKIPPED')], 'NOTHING_TO_DO'],
    [[], 'NOTHING_TO_DO'],
    [[member(2, 'PLANNED')], 'SYNCED'],
    [[member(2, 'PLANNED', { action: 'NONE' })], 'NOTHING_TO_DO'],
    [[member(2, 'ADJUSTED'), member(3, 'FAILED', { error: permanentError })], 'PARTIAL'],
    [[member(2, 'FAILED', { error: retryableError }), member(3, 'SKIPPED')], 'FAILED'],
  ] as [MemberReport[], string][])('members %j -> %s', (members, expected) => {
    expect(settle(testCommand(), { members }, retry, ctx()).result.outcome).toBe(expected);
  });

  it('retries only the retryable failures, on the retry topic, after Retry-After', () => {
    const groupSnapshot = { readAt: 1000, groupStatus: 'ACTIVE', members: [] };
    const command = testCommand({ groupSnapshot });
    const outcome: CommandOutcome = {
      members: [
        member(2, 'ADJUSTED'),
        member(3, 'FAILED', { error: retryableError, retryAfterMs: 9000 }),
        member(4, 'FAILED', { error: retryableError }),
        member(5, 'FAILED', { error: permanentError }),
      ],
    };
    const settled = settle(command, outcome, retry, ctx());
    expect(settled.result.members.map((m) => m.outcome)).toEqual([
      'ADJUSTED',
      'RETRY_SCHEDULED',
      'RETRY_SCHEDULED',
      'DEAD_LETTERED',
    ]);
    expect(settled.retry).toMatchObject({
      kind: command.kind,
      groupId: command.groupId,
      memberIds: [3, 4],
      attempt: 1,
      notBefore: 1500 + 9000,
      provenance: { source: 'retry', originalCommandId: command.commandId },
    });
    expect(settled.retry?.commandId).not.toBe(command.commandId);
    // A copy runs later than the router's read: it reads the group itself.
    expect(settled.retry?.groupSnapshot).toBeUndefined();
    expect(settled.deadLetters[0]?.command.groupSnapshot).toBeUndefined();
    expect(settled.deadLetters).toHaveLength(1);
    const [letter] = settled.deadLetters;
    expect(letter).toMatchObject({
      commandId: command.commandId,
      customerId: 5,
      attempts: 1,
      reason: { code: 3045, retryable: false },
      command: { memberIds: [5] },
      source: { topic: 't', partition: 0, offset: '42' },
    });
    expect(letter?.reason.message).toBe('member 5: permanent failure: 3045 refused');
    // What is published must round-trip through the schemas.
    expect(parseGroupSyncCommand(JSON.parse(JSON.stringify(settled.retry)))).toEqual(settled.retry);
    expect(parseDeadLetter(JSON.parse(JSON.stringify(letter)))).toEqual(letter);
  });

  it('dead-letters retryable failures on the last attempt, with the full reason', () => {
    const command = testCommand({ attempt: 2 });
    const settled = settle(
      command,
      { members: [member(3, 'FAILED', { error: retryableError })] },
      retry,
      ctx(),
    );
    expect(settled.retry).toBeUndefined();
    expect(settled.result.members[0]?.outcome).toBe('DEAD_LETTERED');
    expect(settled.deadLetters[0]?.reason.message).toBe('member 3: gave up after 3 of 3 attempts: 503');
    expect(settled.deadLetters[0]?.attempts).toBe(3);
  });

  it('retries a whole command whose group could not be read, keeping its member restriction', () => {
    const command = testCommand({ kind: 'JOIN_SYNC', memberIds: [9] });
    const outcome: CommandOutcome = {
      members: [],
      failure: { error: retryableError, note: 'group read failed' },
    };
    const settled = settle(command, outcome, retry, ctx());
    expect(settled.result).toMatchObject({ outcome: 'FAILED' });
    expect(settled.result.reason).toContain('group read failed: 503');
    expect(settled.retry).toMatchObject({ memberIds: [9], attempt: 1, notBefore: 2500 });
    expect(settled.deadLetters).toEqual([]);
  });

  it('dead-letters a permanent group failure without a customer', () => {
    const outcome: CommandOutcome = { members: [], failure: { error: permanentError, note: 'cannot sync' } };
    const settled = settle(testCommand(), outcome, retry, ctx());
    expect(settled.retry).toBeUndefined();
    expect(settled.deadLetters[0]?.customerId).toBeUndefined();
    expect(settled.deadLetters[0]?.command.memberIds).toBeUndefined();
    expect(settled.deadLetters[0]?.reason.message).toBe(
      'group 100 (cannot sync): permanent failure: 3045 refused',
    );
  });

  it('records an ignored command with its reason', () => {
    const settled = settle(
      testCommand(),
      { members: [], ignored: 'customer 1 does not lead group 100' },
      retry,
      ctx(),
    );
    expect(settled.result).toMatchObject({
      outcome: 'IGNORED',
      reason: 'customer 1 does not lead group 100',
    });
  });
});
