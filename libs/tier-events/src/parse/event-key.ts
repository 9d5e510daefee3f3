import { isPlainObject } from '../validation/field.decorators';
import { toNumberIfNumeric } from '../validation/integral';
import type { ParsedEvent } from './parsed-event';

export const EVENT_SCHEMA_VERSION = '1';

function idOf(value: unknown): string | undefined {
  const id = toNumberIfNumeric(value);
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? String(id) : undefined;
}

function unknownEventKey(data: Record<string, unknown>): string | undefined {
  const identifiers = data['customerIdentifiers'];
  const customerId = isPlainObject(identifiers) ? idOf(identifiers['customerId']) : undefined;
  return customerId ?? idOf(data['groupId']);
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
      return unknownEventKey(event.data) ?? event.envelope.eventId;
  }
}
