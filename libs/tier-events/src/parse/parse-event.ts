import { envelopeWith, UnhandledEventEnvelope, type EnvelopeWith } from '../events/event.envelope';
import { GroupMemberAddedEvent } from '../events/group-member-added.event';
import { GroupMemberRemovedEvent } from '../events/group-member-removed.event';
import { PartnerProgramUpdatedEvent } from '../events/partner-program-updated.event';
import { TierDowngradedEvent } from '../events/tier-downgraded.event';
import { TierRenewedEvent } from '../events/tier-renewed.event';
import { TierUpgradedEvent } from '../events/tier-upgraded.event';
import { isPlainObject } from '../validation/field.decorators';
import { classValidatorParseMessage, parseMessage, type MessageParser } from '../validation/parse-message';
import type { ParsedEvent, ParsedEventOf } from './parsed-event';

const LABEL = 'webhook event';

const TierUpgradedEnvelope = envelopeWith(TierUpgradedEvent);
const TierDowngradedEnvelope = envelopeWith(TierDowngradedEvent);
const TierRenewedEnvelope = envelopeWith(TierRenewedEvent);
const GroupMemberAddedEnvelope = envelopeWith(GroupMemberAddedEvent);
const GroupMemberRemovedEnvelope = envelopeWith(GroupMemberRemovedEvent);
const PartnerProgramUpdatedEnvelope = envelopeWith(PartnerProgramUpdatedEvent);

/** Old vendor samples wrap the event in `{"body": {...}}`. */
export function unwrapLegacyBody(raw: unknown): unknown {
  if (isPlainObject(raw) && !('eventName' in raw) && isPlainObject(raw['body'])) {
    return raw['body'];
  }
  return raw;
}

function split<K extends string, D>(kind: K, parsed: EnvelopeWith<D>): ParsedEventOf<K, D> {
  const { data, ...envelope } = parsed;
  return { kind, envelope, data };
}

function parseEventWith(parse: MessageParser): (raw: unknown) => ParsedEvent {
  return (raw) => {
    const body = unwrapLegacyBody(raw);
    const eventName = isPlainObject(body) ? body['eventName'] : undefined;
    switch (eventName) {
      case 'tierUpgraded':
        return split(eventName, parse(TierUpgradedEnvelope, body, LABEL));
      case 'tierDowngraded':
        return split(eventName, parse(TierDowngradedEnvelope, body, LABEL));
      case 'tierRenewed':
        return split(eventName, parse(TierRenewedEnvelope, body, LABEL));
      case 'groupMemberAdded':
        return split(eventName, parse(GroupMemberAddedEnvelope, body, LABEL));
      case 'groupMemberRemoved':
        return split(eventName, parse(GroupMemberRemovedEnvelope, body, LABEL));
      case 'partnerProgramUpdated':
        return split(eventName, parse(PartnerProgramUpdatedEnvelope, body, LABEL));
      default:
        return split('unknown', parse(UnhandledEventEnvelope, body, LABEL));
    }
  };
}

export const parseEvent: (raw: unknown) => ParsedEvent = parseEventWith(parseMessage);

/** The reference for the fast path's equivalence tests and bench/parse. */
export const classValidatorParseEvent: (raw: unknown) => ParsedEvent =
  parseEventWith(classValidatorParseMessage);

export function toEventBody(event: ParsedEvent): Record<string, unknown> {
  return { ...event.envelope, data: event.data };
}
