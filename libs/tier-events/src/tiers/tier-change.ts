import type { TierName } from '../events/fields/loyalty-program.fields';
import type { ParsedTierEvent } from '../parse/parsed-event';

export type TierAction = 'UPGRADE' | 'DOWNGRADE' | 'RENEWAL';

export interface TierChange {
  readonly customerId: number;
  readonly programId: number;
  readonly tierNumber: number;
  readonly previousTierNumber?: number;
  readonly action: TierAction;
  /** `USER` for a customer; group-level (USERGROUP2) changes must not be mirrored. */
  readonly entityType?: string;
  readonly tierExpiryDate?: string;
  readonly tiers: readonly TierName[] | null;
}

function newTier(event: ParsedTierEvent): { tierNumber: number; action: TierAction } {
  switch (event.kind) {
    case 'tierUpgraded':
      return { tierNumber: event.data.upgradedTierNumber, action: 'UPGRADE' };
    case 'tierDowngraded':
      return { tierNumber: event.data.downgradedTierNumber, action: 'DOWNGRADE' };
    case 'tierRenewed':
      return { tierNumber: event.data.currentTierNumber, action: 'RENEWAL' };
  }
}

function previousTier(event: ParsedTierEvent): number | undefined {
  return event.kind === 'tierRenewed' ? undefined : (event.data.previousTierNumber ?? undefined);
}

/** Tiers that describe another program than the event's cannot name ours. */
function payloadTiers(event: ParsedTierEvent): readonly TierName[] | null {
  const details = event.data.loyaltyProgramDetails;
  const detailsProgramId = details?.id ?? undefined;
  const sameProgram = detailsProgramId === undefined || detailsProgramId === event.data.loyaltyProgramId;
  return sameProgram ? (details?.tiers ?? null) : null;
}

export function tierChangeOf(event: ParsedTierEvent): TierChange {
  const { data } = event;
  const previousTierNumber = previousTier(event);
  const entityType = data.entityInformation?.entityType ?? undefined;
  const tierExpiryDate = data.tierExpiryDate ?? undefined;
  return {
    customerId: data.customerIdentifiers.customerId,
    programId: data.loyaltyProgramId,
    ...newTier(event),
    ...(previousTierNumber === undefined ? {} : { previousTierNumber }),
    ...(entityType === undefined ? {} : { entityType }),
    ...(tierExpiryDate === undefined ? {} : { tierExpiryDate }),
    tiers: payloadTiers(event),
  };
}
