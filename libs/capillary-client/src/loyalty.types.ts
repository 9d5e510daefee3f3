export interface CustomerProgramTier {
  programId: number;
  programName?: string;
  currentSlab: string;
  slabSNo: number;
  slabExpiryDate?: string;
  nextSlab?: string;
  nextSlabSerialNumber?: number;
}

export interface ProgramTier {
  slabId?: number;
  programId: number;
  name: string;
  serialNumber: number;
  description?: string;
  status: string;
}

export interface CustomerIdentifiers {
  customerId: number;
  mobile?: string;
  email?: string;
  externalId?: string;
}
