import { randomUUID } from 'node:crypto';
import { createDeadLetter, type DeadLetter, type DeadLetterInit } from '../messages/dead-letter.message';
import type { GroupSyncCommandInit } from '../messages/group-sync-command.message';
import type { SyncResultInit } from '../messages/sync-result.message';

export const COMMAND_ID = '3f1c1a6e-8f2d-4d0a-9b1e-6a2f4c8d9e01';

export function commandInit(): GroupSyncCommandInit {
  return {
    commandId: COMMAND_ID,
    kind: 'TIER_SYNC',
    groupId: 3918893,
    primaryCustomerId: 566998132,
    programId: 973,
    trigger: {
      eventId: 'fac88937-7740-48a3-b34e-fcfedb1f57a0',
      eventName: 'tierUpgraded',
      action: 'UPGRADE',
      tierNumber: 2,
      tierName: 'Gold',
      occurredAt: 1724058034369,
    },
    memberIds: [567219877],
    attempt: 2,
    notBefore: 1724058094369,
    provenance: { source: 'retry', originalCommandId: '9b2d7c4e-1a3f-4e5d-8c6b-7a8f9e0d1c2b' },
    createdAt: 1724058035000,
  };
}

export function partnerCommandInit(): GroupSyncCommandInit {
  return {
    commandId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
    kind: 'PARTNER_SYNC',
    groupId: 3918893,
    primaryCustomerId: 566998132,
    trigger: { action: 'PARTNER_UPDATE', occurredAt: 1622457292026 },
    partner: {
      partnerProgramName: 'Demo-p1',
      tierNumber: 2,
      tierExpiryDate: '2021-06-29',
      updateType: 'UPGRADE',
    },
    attempt: 0,
    provenance: { source: 'webhook' },
    createdAt: 1622457293000,
  };
}

export function resultInit(): SyncResultInit {
  const { commandId, kind, groupId, primaryCustomerId, programId, trigger } = commandInit();
  return {
    commandId,
    kind,
    groupId,
    primaryCustomerId,
    programId,
    trigger,
    dryRun: false,
    outcome: 'PARTIAL',
    reason: 'one member failed',
    target: { tierNumber: 2, tierName: 'Gold' },
    members: [
      {
        customerId: 567219877,
        tierBefore: { number: 1, name: 'Silver' },
        tierAfter: { number: 2, name: 'Gold' },
        action: 'UPGRADE',
        outcome: 'ADJUSTED',
        attempts: 1,
        sideEffects: [{ entityType: 'USER', upgradedSlabNumber: 2, type: 'slab' }],
      },
      {
        customerId: 564662499,
        tierBefore: { number: 1 },
        action: 'UPGRADE',
        outcome: 'RETRY_SCHEDULED',
        attempts: 3,
        error: { message: 'HTTP 503', status: 503, code: 'SERVICE_UNAVAILABLE', retryable: true },
      },
    ],
    startedAt: 1724058035010,
    finishedAt: 1724058035190,
    durationMs: 180,
  };
}

export function deadLetterInit(): DeadLetterInit {
  return {
    deadLetterId: 'c0ffee00-1234-4abc-8def-0123456789ab',
    commandId: COMMAND_ID,
    groupId: 3918893,
    customerId: 567219877,
    reason: {
      message: 'Customer not found for the given identifiers',
      status: 400,
      code: 8015,
      retryable: false,
    },
    attempts: 1,
    command: { ...commandInit(), schemaVersion: 1 },
    source: { topic: 'tiersync.group-commands.v1', partition: 3, offset: '9007199254740993' },
    failedAt: 1724058036000,
  };
}

export function deadLetterFor(overrides: Partial<DeadLetterInit> & { groupId: number }): DeadLetter {
  const commandId = overrides.commandId ?? randomUUID();
  const customerId = overrides.customerId ?? overrides.groupId * 10 + 1;
  const template = deadLetterInit();
  const command = template.command;
  return createDeadLetter({
    ...template,
    deadLetterId: randomUUID(),
    commandId,
    customerId,
    failedAt: Date.UTC(2025, 5, 1, 12),
    command: {
      ...command,
      commandId,
      groupId: overrides.groupId,
      primaryCustomerId: overrides.groupId * 10,
      trigger: { ...command.trigger, eventId: randomUUID() },
      memberIds: [customerId],
      provenance: { source: 'retry', originalCommandId: randomUUID() },
    },
    source: { topic: 'tiersync.group-commands.v1', partition: 0, offset: '17' },
    ...overrides,
  });
}
