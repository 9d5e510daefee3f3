import {
  type ParsedEvent,
  type ParsedGroupEvent,
  type ParsedPartnerProgramUpdated,
  type ParsedTierEvent,
  type SyncAction,
  tierChangeOf,
  tierNameOf,
} from '@tiersync/tier-events';
import { type IgnoreReason } from '../observability/sync.metrics';

export interface TriggerInit {
  eventId: string;
  eventName: string;
  action: SyncAction;
  tierNumber?: number;
  tierName?: string;
  occurredAt: number;
}

export interface PartnerInit {
  partnerProgramName: string;
  tierNumber?: number;
  tierName?: string;
  tierExpiryDate?: string;
  updateType?: string;
}

export type RouteIntent =
  | { type: 'tier'; customerId: number; programId: number; trigger: TriggerInit }
  | { type: 'partner'; customerId: number; programId?: number; partner: PartnerInit; trigger: TriggerInit }
  | { type: 'join'; groupId: number; primaryCustomerId?: number; memberId: number; trigger: TriggerInit }
  | { type: 'leave'; groupId: number; primaryCustomerId?: number; memberId: number; trigger: TriggerInit }
  | {
      type: 'ignore';
      why: IgnoreReason;
      reason: string;
      trigger: TriggerInit;
      customerId?: number;
      groupId?: number;
    };

/** Non-USER entities (a group's own tier) and unhandled events are ignored with a reason, never an error. */
export function classifyEvent(event: ParsedEvent, occurredAt: number): RouteIntent {
  const base = { eventId: event.envelope.eventId, eventName: event.envelope.eventName, occurredAt };
  switch (event.kind) {
    case 'tierUpgraded':
    case 'tierDowngraded':
    case 'tierRenewed':
      return tierIntent(event, base);
    case 'partnerProgramUpdated':
      return partnerIntent(event, base);
    case 'groupMemberAdded':
    case 'groupMemberRemoved':
      return groupIntent(event, base);
    case 'unknown':
      return {
        type: 'ignore',
        why: 'unhandled_event',
        reason: `event ${event.envelope.eventName} is not handled`,
        trigger: { ...base, action: 'RECONCILE' },
      };
  }
}

type TriggerBase = Omit<TriggerInit, 'action'>;

function tierIntent(event: ParsedTierEvent, base: TriggerBase): RouteIntent {
  const change = tierChangeOf(event);
  const tierName = tierNameOf(change.programId, change.tierNumber, change.tiers);
  const trigger = {
    ...base,
    action: change.action,
    tierNumber: change.tierNumber,
    ...(tierName ? { tierName } : {}),
  };
  if (change.entityType !== undefined && change.entityType !== 'USER') {
    return nonUser(change.entityType, trigger, change.customerId);
  }
  return { type: 'tier', customerId: change.customerId, programId: change.programId, trigger };
}

function partnerIntent(event: ParsedPartnerProgramUpdated, base: TriggerBase): RouteIntent {
  const { data } = event;
  const customerId = data.customerIdentifiers.customerId;
  const trigger: TriggerInit = { ...base, action: 'PARTNER_UPDATE' };
  const entityType = data.entityInformation?.entityType ?? undefined;
  if (entityType !== undefined && entityType !== 'USER') {
    return nonUser(entityType, trigger, customerId);
  }
  if (!data.partnerProgramName) {
    return {
      type: 'ignore',
      why: 'no_partner_program',
      reason: 'partnerProgramUpdated without a partnerProgramName',
      trigger,
      customerId,
    };
  }
  const details = data.customerPartnerProgramDetails;
  const tierNumber = details?.partnerTierNumber ?? undefined;
  const tierName = details?.partnerTierName ?? extraString(data, 'partnerTierName');
  const partner: PartnerInit = {
    partnerProgramName: data.partnerProgramName,
    ...(tierNumber ? { tierNumber } : {}),
    ...(tierName ? { tierName } : {}),
    ...(details?.partnerTierExpiryDate ? { tierExpiryDate: details.partnerTierExpiryDate } : {}),
    ...(data.updateType ? { updateType: data.updateType } : {}),
  };
  const programId = data.loyaltyProgramId ?? undefined;
  return { type: 'partner', customerId, ...(programId ? { programId } : {}), partner, trigger };
}

function groupIntent(event: ParsedGroupEvent, base: TriggerBase): RouteIntent {
  const member = event.kind === 'groupMemberAdded' ? event.data.memberAdded : event.data.memberRemoved;
  const primaryCustomerId = event.data.primaryMember?.customerIdentifiers.customerId;
  return {
    type: event.kind === 'groupMemberAdded' ? 'join' : 'leave',
    groupId: event.data.groupId,
    ...(primaryCustomerId ? { primaryCustomerId } : {}),
    memberId: member.customerIdentifiers.customerId,
    trigger: { ...base, action: 'JOIN' },
  };
}

function nonUser(entityType: string, trigger: TriggerInit, customerId: number): RouteIntent {
  return {
    type: 'ignore',
    why: 'not_a_user',
    reason: `entity type ${entityType} is not synced (USER only)`,
    trigger,
    customerId,
  };
}

/** The vendor adds fields; a payload that names the partner tier beside the details saves the lookup. */
function extraString(data: object, key: string): string | undefined {
  const value: unknown = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
