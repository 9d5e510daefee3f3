import { type KeyedMessage } from '@tiersync/kafka';
import { type CommandKind, type SyncAction, type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { epochHeader, HEADERS } from '../messaging/message-headers';
import { type MemberlessResultInit, memberlessResult } from '../sync/memberless-result';
import { idOf, jsonObject, textOf } from './unreadable-fields';

export interface UnreadableEventSubject {
  kind: CommandKind;
  trigger: MemberlessResultInit['trigger'];
  groupId?: number;
  /** The customer any other event names; the group is the one this customer leads, as the router decides. */
  customerId?: number;
}

const GROUP_EVENTS: ReadonlySet<string> = new Set(['groupMemberAdded', 'groupMemberRemoved']);

const ACTIONS: Readonly<Record<string, SyncAction>> = {
  tierUpgraded: 'UPGRADE',
  tierDowngraded: 'DOWNGRADE',
  tierRenewed: 'RENEWAL',
  partnerProgramUpdated: 'PARTNER_UPDATE',
  groupMemberAdded: 'JOIN',
  groupMemberRemoved: 'JOIN',
};

/** Falls back to the record key, read as the ingress keys the event (docs/architecture.md, Topics): the
 * group for group-membership events, the customer otherwise. */
export function unreadableEventSubject(
  message: Pick<KeyedMessage, 'key' | 'value' | 'headers'>,
  at: number,
): UnreadableEventSubject {
  const sent = jsonObject(message.value);
  const data = jsonObject(sent['data']);
  const eventName = textOf(sent['eventName']) ?? message.headers[HEADERS.eventName];
  const eventId = message.headers[HEADERS.eventId] ?? textOf(sent['eventId']);
  const trigger = {
    ...(eventId === undefined ? {} : { eventId }),
    ...(eventName === undefined ? {} : { eventName }),
    action: (eventName === undefined ? undefined : ACTIONS[eventName]) ?? 'RECONCILE',
    occurredAt: epochHeader(message.headers, HEADERS.receivedAt) ?? at,
  };
  const keyId = idOf(message.key);
  if (eventName !== undefined && GROUP_EVENTS.has(eventName)) {
    const groupId = idOf(data['groupId']) ?? keyId;
    return { kind: 'JOIN_SYNC', trigger, ...(groupId === undefined ? {} : { groupId }) };
  }
  const customerId = idOf(jsonObject(data['customerIdentifiers'])['customerId']) ?? keyId;
  const kind = eventName === 'partnerProgramUpdated' ? 'PARTNER_SYNC' : 'TIER_SYNC';
  return { kind, trigger, ...(customerId === undefined ? {} : { customerId }) };
}

export function unreadableEventResult(
  subject: UnreadableEventSubject,
  group: { groupId: number; primaryCustomerId?: number },
  reason: string,
  at: number,
): SyncResult | undefined {
  const { eventId: _eventId, eventName: _eventName, ...bareTrigger } = subject.trigger;
  for (const trigger of [subject.trigger, bareTrigger]) {
    try {
      const init = { commandId: randomUUID(), kind: subject.kind, ...group, trigger, dryRun: false };
      // The schema decides: an id or name as sent may still be one createSyncResult refuses.
      return memberlessResult({ ...init, outcome: 'FAILED', reason }, at);
    } catch {
      // Next guess.
    }
  }
  return undefined;
}
