import {
  asArray,
  asRecord,
  compact,
  optBoolean,
  optNumber,
  optString,
  reqNumber,
  reqString,
} from './json-reader';
import {
  type OrganizationProgram,
  type PartnerProgramInfo,
  type PartnerProgramTier,
} from './organization-programs.types';

/** Membership-based partner programs have no `partnerProgramTiers` (docs/architecture.md, API fact 25). */
export function parseOrganizationPrograms(body: unknown): OrganizationProgram[] {
  const data = asRecord(body, 'organization/programs')['data'];
  return asArray(data ?? [], 'organization/programs.data').map((raw) => {
    const row = asRecord(raw, 'data[]');
    return compact({
      programId: reqNumber(row, 'programId', 'data[]'),
      programName: reqString(row, 'programName', 'data[]'),
      programDescription: optString(row['programDescription']),
      pointsToCurrencyRatio: optNumber(row['pointsToCurrencyRatio']),
      isDefault: optBoolean(row['default']) ?? false,
      partnerPrograms: asArray(row['partnerPrograms'] ?? [], 'data[].partnerPrograms').map(
        parsePartnerProgram,
      ),
    });
  });
}

function parsePartnerProgram(raw: unknown): PartnerProgramInfo {
  const row = asRecord(raw, 'partnerPrograms[]');
  const tiers = asArray(row['partnerProgramTiers'] ?? [], 'partnerPrograms[].partnerProgramTiers')
    .map(parseTier)
    .sort((a, b) => a.tierNumber - b.tierNumber);
  return compact({
    partnerProgramId: reqNumber(row, 'partnerProgramId', 'partnerPrograms[]'),
    partnerProgramName: reqString(row, 'partnerProgramName', 'partnerPrograms[]'),
    partnerProgramType: optString(row['partnerProgramType']),
    tierBased: optBoolean(row['tierBased']) ?? tiers.length > 0,
    tiers,
  });
}

function parseTier(raw: unknown): PartnerProgramTier {
  const row = asRecord(raw, 'partnerProgramTiers[]');
  return {
    tierNumber: reqNumber(row, 'tierNumber', 'partnerProgramTiers[]'),
    tierName: reqString(row, 'tierName', 'partnerProgramTiers[]'),
  };
}
