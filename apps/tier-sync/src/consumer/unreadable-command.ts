import { type KeyedMessage } from '@tiersync/kafka';
import { type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type MemberlessResultInit, memberlessResult } from '../sync/memberless-result';
import { idOf, jsonObject } from './unreadable-fields';

/**
 * The FAILED sync result of a command tier-sync cannot read, from what can still be read of it: every
 * producer keys commands by group id, and a command that fails validation is usually readable JSON. The
 * fields are taken as sent when they pass the schema, else only the group (and the primary, if it is still
 * an id) are kept. A record whose key and body name no group is about nothing a SyncResult can name:
 * undefined is returned, and it stays on the DLQ and in the unreadable-command metric.
 */
export function unreadableCommandResult(
  message: Pick<KeyedMessage, 'key' | 'value'>,
  reason: string,
  at: number,
): SyncResult | undefined {
  const sent = jsonObject(message.value);
  const primaryCustomerId = idOf(sent['primaryCustomerId']);
  const known = {
    groupId: idOf(sent['groupId']) ?? idOf(message.key),
    ...(primaryCustomerId === undefined ? {} : { primaryCustomerId }),
    dryRun: false,
    outcome: 'FAILED',
    reason,
  };
  const asSent = {
    commandId: sent['commandId'],
    kind: sent['kind'],
    trigger: sent['trigger'],
    ...(sent['programId'] === undefined ? {} : { programId: sent['programId'] }),
  };
  const bare = {
    commandId: randomUUID(),
    kind: 'RECONCILE',
    trigger: { action: 'RECONCILE', occurredAt: at },
  };
  for (const guess of [asSent, bare]) {
    try {
      // The schema decides: createSyncResult rejects any field that is not what it must be.
      return memberlessResult({ ...known, ...guess } as MemberlessResultInit, at);
    } catch {
      // Next guess.
    }
  }
  return undefined;
}
