import { createDeadLetter, type DeadLetter, type DeadLetterInit } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';

/** A valid dead letter for tests: a TIER_SYNC command restricted to one failed member. */
export function deadLetterFor(overrides: Partial<DeadLetterInit> & { groupId: number }): DeadLetter {
  const commandId = overrides.commandId ?? randomUUID();
  const customerId = overrides.customerId ?? overrides.groupId * 10 + 1;
  return createDeadLetter({
    deadLetterId: randomUUID(),
    commandId,
    customerId,
    reason: {
      message: 'Customer not found for the given identifiers',
      status: 400,
      code: 8015,
      retryable: false,
    },
    attempts: 1,
    failedAt: Date.UTC(2025, 5, 1, 12),
    command: {
      commandId,
      kind: 'TIER_SYNC',
      groupId: overrides.groupId,
      primaryCustomerId: overrides.groupId * 10,
      programId: 973,
      trigger: {
        eventId: randomUUID(),
        eventName: 'tierUpgraded',
        action: 'UPGRADE',
        tierNumber: 2,
        occurredAt: 1,
      },
      memberIds: [customerId],
      attempt: 2,
      notBefore: 5,
      provenance: { source: 'retry', originalCommandId: randomUUID() },
      createdAt: 2,
      schemaVersion: 1,
    },
    source: { topic: 'tiersync.group-commands.v1', partition: 0, offset: '17' },
    ...overrides,
  });
}
