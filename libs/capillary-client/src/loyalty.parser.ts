import {
  asArray,
  asRecord,
  compact,
  isRecord,
  optNumber,
  optString,
  reqNumber,
  reqString,
} from './json-reader';
import { type CustomerIdentifiers, type CustomerProgramTier, type ProgramTier } from './loyalty.types';

export function parseCustomerLoyalty(body: unknown): CustomerProgramTier[] {
  const customer = asRecord(body, 'customer');
  return asArray(customer['loyaltyProgramDetails'] ?? [], 'loyaltyProgramDetails').map((raw) => {
    const row = asRecord(raw, 'loyaltyProgramDetails[]');
    return compact({
      programId: reqNumber(row, 'programId', 'loyaltyProgramDetails[]'),
      programName: optString(row['programName']),
      currentSlab: reqString(row, 'currentSlab', 'loyaltyProgramDetails[]'),
      slabSNo: reqNumber(row, 'slabSNo', 'loyaltyProgramDetails[]'),
      slabExpiryDate: optString(row['slabExpiryDate']),
      nextSlab: optString(row['nextSlab']),
      nextSlabSerialNumber: optNumber(row['nextSlabSerialNumber']),
    });
  });
}

export function parseCustomerIdentifiers(body: unknown): CustomerIdentifiers {
  const customer = asRecord(body, 'customer');
  const found: Record<string, string> = {};
  for (const profile of asArray(customer['profiles'] ?? [], 'profiles')) {
    const identifiers =
      isRecord(profile) && Array.isArray(profile['identifiers']) ? profile['identifiers'] : [];
    for (const identifier of identifiers as unknown[]) {
      const type = isRecord(identifier) ? optString(identifier['type']) : undefined;
      const value = isRecord(identifier) ? optString(identifier['value']) : undefined;
      if (type && value) {
        found[type] ??= value;
      }
    }
  }
  return compact({
    customerId: reqNumber(customer, 'id', 'customer'),
    mobile: found['mobile'],
    email: found['email'],
    externalId: found['externalId'],
  });
}

/** Drafts can sit beside LIVE tiers. Only the sample's `{"data": {"tiers": [...]}}` shape is accepted
 * (docs/architecture.md, API fact 15), so no other shape reads as a program without tiers. */
export function parseProgramTiers(body: unknown, programId: number): ProgramTier[] {
  const data = asRecord(asRecord(body, 'tiers response')['data'], 'tiers response data');
  return asArray(data['tiers'], 'tiers response data.tiers')
    .map((raw) => {
      const row = asRecord(raw, 'data.tiers[]');
      return compact({
        slabId: optNumber(row['slabId']),
        programId: optNumber(row['programId']) ?? programId,
        name: reqString(row, 'name', 'data.tiers[]'),
        serialNumber: reqNumber(row, 'serialNumber', 'data.tiers[]'),
        description: optString(row['description']),
        status: optString(row['status']) ?? 'LIVE',
      });
    })
    .filter((tier) => tier.status.toUpperCase() === 'LIVE' && tier.programId === programId)
    .sort((a, b) => a.serialNumber - b.serialNumber);
}
