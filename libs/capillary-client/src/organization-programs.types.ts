/** A tier of a partner program: the event's `partnerTierNumber` and the name updates must send. */
export interface PartnerProgramTier {
  tierNumber: number;
  tierName: string;
}

/** A partner program nested in a loyalty program (`partnerPrograms[]` of GET /v2/organization/programs). */
export interface PartnerProgramInfo {
  partnerProgramId: number;
  partnerProgramName: string;
  /** EXTERNAL or SUPPLEMENTARY in the documented sample. */
  partnerProgramType?: string;
  /** false for membership-based programs, which list no tiers. */
  tierBased: boolean;
  /** `partnerProgramTiers`, ordered by tierNumber; empty when the program lists none. */
  tiers: PartnerProgramTier[];
}

/** An active loyalty program of the org (`data[]` of GET /v2/organization/programs); its own slabs are not listed. */
export interface OrganizationProgram {
  programId: number;
  programName: string;
  programDescription?: string;
  pointsToCurrencyRatio?: number;
  isDefault: boolean;
  partnerPrograms: PartnerProgramInfo[];
}
