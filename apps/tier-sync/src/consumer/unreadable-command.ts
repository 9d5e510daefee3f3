import { type KeyedMessage } from '@tiersync/kafka';
import { type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type MemberlessResultInit, memberlessResult } from '../sync/memberless-result';
import { idOf, jsonObject } from './unreadable-fields';

/** Every producer keys commands by group id, and a command failing validation is usually readable JSON: its
 * fields are kept where they pass the schema, else only the group (and primary). A record naming no group
 * returns undefined: it stays on the DLQ and in the unreadable-command metric. */
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
