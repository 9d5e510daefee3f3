/** A customer's tier in one loyalty program (`loyaltyProgramDetails[]` of GET /v2/customers/{id}?embed=mlp). */
export interface CustomerProgramTier {
  programId: number;
  programName?: string;
  currentSlab: string;
  slabSNo: number;
  slabExpiryDate?: string;
  nextSlab?: string;
  nextSlabSerialNumber?: number;
}

/** A LIVE tier of a program (GET /v3/tiers). */
export interface ProgramTier {
  slabId?: number;
  programId: number;
  name: string;
  /** The tier number used in events (`tierNumber`) and side effects (`slabNumber`). */
  serialNumber: number;
  description?: string;
  status: string;
}

/** Contact identifiers the search fallback of findGroupLedBy uses. */
export interface CustomerIdentifiers {
  customerId: number;
  mobile?: string;
  email?: string;
  externalId?: string;
}
