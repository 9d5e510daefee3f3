import { endOfDayMs } from './sim-dates';
import { type SimCustomer, type SimProgram, type SimTierState } from './sim.types';

export type TierAction = 'UPGRADE' | 'DOWNGRADE' | 'RENEWAL';

/** How loyaltyProgramDetails is rendered: the vendor's samples show all three. */
export type TiersMode = 'array' | 'null' | 'omitDetails';

export interface TierChange {
  customer: SimCustomer;
  program: SimProgram;
  previousTierNumber: number;
  tier: SimTierState;
  action: TierAction;
  /** ADJUSTMENT = manualSlabAdjustment (our own echo); ACTIVITY = a transaction via the control API. */
  cause: 'ADJUSTMENT' | 'ACTIVITY';
  apiRequestId: string;
  notes?: string;
}

export interface EnvelopeIds {
  eventId: string;
  orgId: number;
  apiRequestId: string;
  loyaltyEventId: string;
  createdAt: number;
}

export interface WebhookEvent {
  eventName: string;
  eventId: string;
  orgId: number;
  refId: string;
  apiRequestId: string;
  createdAt: number;
  loyaltyEventId: string | null;
  eventSearchKey: string;
  data: Record<string, unknown>;
}

const EVENT_NAMES: Record<TierAction, string> = {
  UPGRADE: 'tierUpgraded',
  DOWNGRADE: 'tierDowngraded',
  RENEWAL: 'tierRenewed',
};

export function envelope(
  eventName: string,
  ids: EnvelopeIds,
  searchKey: number,
  data: Record<string, unknown>,
): WebhookEvent {
  return {
    eventName,
    eventId: ids.eventId,
    orgId: ids.orgId,
    refId: `${ids.orgId}_${ids.loyaltyEventId}`,
    apiRequestId: ids.apiRequestId,
    createdAt: ids.createdAt,
    loyaltyEventId: ids.loyaltyEventId,
    eventSearchKey: String(searchKey),
    data,
  };
}

export function customerIdentifiers(c: SimCustomer): Record<string, unknown> {
  return {
    customerId: c.customerId,
    instore: {
      mobile: c.mobile ?? null,
      email: c.email ?? null,
      externalId: c.externalId ?? null,
      cardNumbers: [],
    },
  };
}

/** Shaped as documented (docs/architecture.md, API fact 5). */
export function tierEvent(change: TierChange, ids: EnvelopeIds, tiersMode: TiersMode): WebhookEvent {
  const { customer, program, tier } = change;
  const entityInformation = { entityType: 'USER', entityId: customer.customerId };
  const data: Record<string, unknown> = {
    customerIdentifiers: customerIdentifiers(customer),
    entityInformation,
    loyaltyProgramId: program.programId,
  };
  if (tiersMode !== 'omitDetails') {
    data['loyaltyProgramDetails'] = {
      id: program.programId,
      name: program.name,
      isDefault: program.isDefault,
      pointsToCurrencyRatio: program.pointsToCurrencyRatio,
      tiers:
        tiersMode === 'null'
          ? null
          : program.tiers
              .filter((t) => (t.status ?? 'LIVE') === 'LIVE')
              .map((t) => ({ tierNumber: t.serialNumber, tierName: t.name })),
    };
  }
  if (change.action === 'UPGRADE') {
    Object.assign(data, {
      previousTierNumber: change.previousTierNumber,
      upgradedTierNumber: tier.tierNumber,
    });
    Object.assign(data, { upgradeType: change.cause === 'ADJUSTMENT' ? 'MANUAL' : 'STRATEGY' });
  } else if (change.action === 'DOWNGRADE') {
    Object.assign(data, {
      previousTierNumber: change.previousTierNumber,
      downgradedTierNumber: tier.tierNumber,
    });
  } else {
    Object.assign(data, { currentTierNumber: tier.tierNumber });
    Object.assign(data, { renewType: change.cause === 'ADJUSTMENT' ? 'MANUAL' : 'STRATEGY' });
  }
  if (tier.expiryDate) {
    Object.assign(data, {
      tierExpiryDate: tier.expiryDate,
      tierExpiryDateInMillis: endOfDayMs(tier.expiryDate),
    });
  }
  data['currentDateStoreTz'] = new Date(ids.createdAt).toISOString();
  if (change.notes !== undefined && change.action !== 'DOWNGRADE') {
    data['notes'] = change.notes;
  }
  data['triggeringActivity'] = {
    name: change.cause === 'ADJUSTMENT' ? 'ManualSlabAdjustment' : 'TransactionAdd',
    identifiers: [{ key: 'customerId', value: String(customer.customerId) }],
    enteredBy: {
      id: 1,
      till: { code: 'sim.till', name: 'Simulator till' },
      store: { code: 'sim.store', name: 'Simulator' },
    },
    entityInformation,
    additionalAttributes: [],
  };
  return envelope(EVENT_NAMES[change.action], ids, customer.customerId, data);
}
