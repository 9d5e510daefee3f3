export interface PartnerProgramTier {
  tierNumber: number;
  tierName: string;
}

export interface PartnerProgramInfo {
  partnerProgramId: number;
  partnerProgramName: string;
  partnerProgramType?: string;
  tierBased: boolean;
  tiers: PartnerProgramTier[];
}

/** The loyalty program's own slabs are not listed here (GET /v3/tiers has them). */
export interface OrganizationProgram {
  programId: number;
  programName: string;
  programDescription?: string;
  pointsToCurrencyRatio?: number;
  isDefault: boolean;
  partnerPrograms: PartnerProgramInfo[];
}
