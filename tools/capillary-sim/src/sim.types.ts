export interface SimTierDef {
  slabId: number;
  /** 1 = base tier. */
  serialNumber: number;
  name: string;
  /** Drafts sit beside LIVE tiers in GET /v3/tiers; only LIVE tiers can be assigned. */
  status?: 'LIVE' | 'DRAFT';
  description?: string;
}

export interface SimProgram {
  programId: number;
  name: string;
  isDefault: boolean;
  pointsToCurrencyRatio: number;
  tierValidityMonths: number;
  tiers: SimTierDef[];
}

export interface SimTierState {
  programId: number;
  tierNumber: number;
  expiryDate?: string;
  reassessOnNextActivity?: boolean;
}

export interface SimPartnerLink {
  partnerProgramName: string;
  tierName: string;
  expiryDate?: string;
  membershipNumber: string;
}

export interface SimCustomer {
  customerId: number;
  firstName: string;
  lastName: string;
  mobile?: string;
  email?: string;
  externalId?: string;
  /** Anything but ACTIVE blocks manual tier adjustment with 3045 (e.g. FRAUD_CONFIRMED). */
  status: string;
  /** Programs without an entry count as the base tier. */
  tiers: SimTierState[];
  partnerLinks: SimPartnerLink[];
}

export interface SimGroupMember {
  customerId: number;
  primary: boolean;
  /** false = exited (kept, as Capillary keeps the membership record). */
  active: boolean;
  defaultGroup: boolean;
  joinedOn: string;
}

export interface SimGroup {
  groupId: number;
  externalId?: string;
  groupName: string;
  groupStatus: 'ACTIVE' | 'INACTIVE' | 'DELETED';
  maxGroupSize: number;
  createdOn: string;
  members: SimGroupMember[];
  tiers: SimTierState[];
}

export interface SimPartnerProgram {
  partnerProgramId: number;
  name: string;
  type: 'EXTERNAL' | 'SUPPLEMENTARY';
  loyaltyProgramId: number;
  tiers: { tierNumber: number; tierName: string }[];
}

export interface SimSeed {
  orgId: number;
  programs: SimProgram[];
  customers: SimCustomer[];
  groups: SimGroup[];
  partnerPrograms: SimPartnerProgram[];
}
