import type { EventEnvelopeFields } from '../events/event.envelope';
import type { GroupMemberAddedEvent } from '../events/group-member-added.event';
import type { GroupMemberRemovedEvent } from '../events/group-member-removed.event';
import type { PartnerProgramUpdatedEvent } from '../events/partner-program-updated.event';
import type { TierDowngradedEvent } from '../events/tier-downgraded.event';
import type { TierRenewedEvent } from '../events/tier-renewed.event';
import type { TierUpgradedEvent } from '../events/tier-upgraded.event';

export interface ParsedEventOf<K extends string, D> {
  readonly kind: K;
  readonly envelope: EventEnvelopeFields;
  readonly data: D;
}

export type ParsedTierUpgraded = ParsedEventOf<'tierUpgraded', TierUpgradedEvent>;
export type ParsedTierDowngraded = ParsedEventOf<'tierDowngraded', TierDowngradedEvent>;
export type ParsedTierRenewed = ParsedEventOf<'tierRenewed', TierRenewedEvent>;
export type ParsedGroupMemberAdded = ParsedEventOf<'groupMemberAdded', GroupMemberAddedEvent>;
export type ParsedGroupMemberRemoved = ParsedEventOf<'groupMemberRemoved', GroupMemberRemovedEvent>;
export type ParsedPartnerProgramUpdated = ParsedEventOf<'partnerProgramUpdated', PartnerProgramUpdatedEvent>;
export type ParsedUnknownEvent = ParsedEventOf<'unknown', Record<string, unknown>>;

export type ParsedTierEvent = ParsedTierUpgraded | ParsedTierDowngraded | ParsedTierRenewed;
export type ParsedGroupEvent = ParsedGroupMemberAdded | ParsedGroupMemberRemoved;

export type ParsedEvent =
  ParsedTierEvent | ParsedGroupEvent | ParsedPartnerProgramUpdated | ParsedUnknownEvent;

export type EventKind = ParsedEvent['kind'];
