export interface GroupMembership {
  userId: number;
  primaryMember: boolean;
  active: boolean;
  defaultGroup: boolean;
}

/** The group's OWN tier per program (`pointsSummaries[]`), not a member's. */
export interface GroupProgramTier {
  programId: number;
  currentSlab?: string;
  slabSNo?: number;
  slabExpiryDate?: string;
}

export interface UserGroup {
  id: number;
  externalId?: string;
  groupName: string;
  groupStatus: string;
  maxGroupSize?: number;
  primaryUserId?: number;
  members: GroupMembership[];
  totalActiveMembers?: number;
  totalExitedMembers?: number;
  pointsSummaries: GroupProgramTier[];
}

export interface GroupMember {
  customerId: number;
  role: string;
  roleCode?: string;
  primaryMember: boolean;
  /** `inActive` as sent. Contested: reference versions disagree on its sense; `GET /v2/userGroup2?id=`
   * (`members[].active`) is the unambiguous source. */
  inActive?: boolean;
  joinedOn?: string;
  email?: string;
  mobile?: string;
}

export interface GroupSummary {
  groupId: number;
  groupName: string;
  groupStatus?: string;
  groupExternalId?: string;
  primaryMemberId?: number;
  totalMembers?: number;
}

export interface GroupSearchPage {
  groups: GroupSummary[];
  offset: number;
  limit: number;
  total: number;
}
