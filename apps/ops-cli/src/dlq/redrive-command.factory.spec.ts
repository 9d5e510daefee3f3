import { parseGroupSyncCommand } from '@tiersync/tier-events';
import { deadLetterFor } from '@tiersync/tier-events/testing';
import { redriveCommandId, redriveCommandOf } from './redrive-command.factory';

describe(redriveCommandOf.name, () => {
  const dead = deadLetterFor({ groupId: 42 });

  it("republishes the failed member's command as a fresh attempt with its provenance", () => {
    const command = redriveCommandOf(dead, 1_750_000_000_000);
    expect(command).toMatchObject({
      commandId: redriveCommandId(dead.deadLetterId),
      kind: 'TIER_SYNC',
      groupId: 42,
      primaryCustomerId: 420,
      programId: 973,
      memberIds: [421],
      trigger: dead.command.trigger,
      attempt: 0,
      provenance: { source: 'redrive', deadLetterId: dead.deadLetterId, originalCommandId: dead.commandId },
      createdAt: 1_750_000_000_000,
    });
    expect(command.notBefore).toBeUndefined();
  });

  it('derives the same command id from the same dead letter, and a different one from another', () => {
    expect(redriveCommandOf(dead, 1).commandId).toBe(redriveCommandOf(dead, 2).commandId);
    expect(redriveCommandId(deadLetterFor({ groupId: 42 }).deadLetterId)).not.toBe(
      redriveCommandId(dead.deadLetterId),
    );
  });

  it('produces a command that survives JSON and the consumer-side parse', () => {
    const command = redriveCommandOf(dead, 5);
    expect(parseGroupSyncCommand(JSON.parse(JSON.stringify(command)))).toEqual(command);
  });
});
