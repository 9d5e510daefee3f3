import { isPlainObject } from '../validation/field.decorators';
import { toNumberIfNumeric } from '../validation/integral';
import type { EventKind, ParsedEvent } from './parsed-event';

export const EVENT_SCHEMA_VERSION = '1';

const GROUP_EVENTS: ReadonlySet<string> = new Set<EventKind>(['groupMemberAdded', 'groupMemberRemoved']);
const CUSTOMER_EVENTS: ReadonlySet<string> = new Set<EventKind>([
  'tierUpgraded',
  'tierDowngraded',
  'tierRenewed',
  'partnerProgramUpdated',
]);

/** The kind parseEvent gives an event of this name when it passes its schema. */
export function eventKindOf(eventName: string): EventKind {
  return GROUP_EVENTS.has(eventName) || CUSTOMER_EVENTS.has(eventName) ? (eventName as EventKind) : 'unknown';
}

function idOf(value: unknown): string | undefined {
  const id = toNumberIfNumeric(value);
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? String(id) : undefined;
}

function customerKey(data: Record<string, unknown>): string | undefined {
  const identifiers = data['customerIdentifiers'];
  return isPlainObject(identifiers) ? idOf(identifiers['customerId']) : undefined;
}

/** Read without the schema, so that an event failing it lands in the partition its valid twin would. */
function keyFromData(eventName: string, data: unknown): string | undefined {
  if (!isPlainObject(data)) {
    return undefined;
  }
  if (GROUP_EVENTS.has(eventName)) {
    return idOf(data['groupId']);
  }
  return CUSTOMER_EVENTS.has(eventName) ? customerKey(data) : (customerKey(data) ?? idOf(data['groupId']));
}

/** Events about one customer (or one group) share a partition and so keep their order. */
export function eventKey(event: ParsedEvent): string {
  switch (event.kind) {
    case 'tierUpgraded':
    case 'tierDowngraded':
    case 'tierRenewed':
    case 'partnerProgramUpdated':
      return String(event.data.customerIdentifiers.customerId);
    case 'groupMemberAdded':
    case 'groupMemberRemoved':
      return String(event.data.groupId);
    case 'unknown':
      return keyFromData(event.kind, event.data) ?? event.envelope.eventId;
  }
}

/** The key of an event that failed its schema: as its valid twin's when that field is readable. */
export function unparsedEventKey(body: Record<string, unknown>, eventName: string, eventId: string): string {
  return keyFromData(eventName, body['data']) ?? eventId;
}
