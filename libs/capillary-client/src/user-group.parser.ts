import {
  asArray,
  asRecord,
  compact,
  isRecord,
  optBoolean,
  optNumber,
  optString,
  reqNumber,
  reqString,
} from './json-reader';
import {
  type GroupMember,
  type GroupMembership,
  type GroupProgramTier,
  type GroupSearchPage,
  type GroupSummary,
  type UserGroup,
} from './user-group.types';

export function parseUserGroup(body: unknown): UserGroup {
  const group = asRecord(body, 'userGroup2');
  const members = asArray(group['fleetGroupUsers'] ?? [], 'fleetGroupUsers').map(parseMembership);
  const primary = members.find((m) => m.primaryMember && m.active);
  return compact({
    id: reqNumber(group, 'id', 'userGroup2'),
    externalId: optString(group['externalId']),
    groupName: optString(group['groupName']) ?? '',
    groupStatus: optString(group['groupStatus']) ?? 'ACTIVE',
    maxGroupSize: optNumber(group['maxGroupSize']),
    primaryUserId: primary?.userId,
    members,
    totalActiveMembers: optNumber(group['totalActiveMembers']),
    totalExitedMembers: optNumber(group['totalExitedMembers']),
    pointsSummaries: asArray(group['pointsSummaries'] ?? [], 'pointsSummaries').map(parseGroupTier),
  });
}

function parseMembership(raw: unknown): GroupMembership {
  const row = asRecord(raw, 'fleetGroupUsers[]');
  return {
    userId: reqNumber(row, 'userId', 'fleetGroupUsers[]'),
    primaryMember: optBoolean(row['primaryMember']) ?? false,
    active: optBoolean(row['active']) ?? false,
    defaultGroup: optBoolean(row['defaultGroup']) ?? false,
  };
}

function parseGroupTier(raw: unknown): GroupProgramTier {
  const row = asRecord(raw, 'pointsSummaries[]');
  return compact({
    programId: reqNumber(row, 'programId', 'pointsSummaries[]'),
    currentSlab: optString(row['currentSlab']),
    slabSNo: optNumber(row['slabSNo']),
    slabExpiryDate: optString(row['slabExpiryDate']),
  });
}

export interface MembersPage {
  members: GroupMember[];
  total?: number;
}

export function parseMembersPage(body: unknown): MembersPage {
  const page = asRecord(body, 'members');
  const pagination = isRecord(page['pagination']) ? page['pagination'] : {};
  return {
    members: asArray(page['data'] ?? [], 'members.data').map(parseMember),
    total: optNumber(pagination['total']),
  };
}

function parseMember(raw: unknown): GroupMember {
  const row = asRecord(raw, 'members.data[]');
  const primaryMember = optBoolean(row['primaryMember']) ?? false;
  return compact({
    customerId: reqNumber(row, 'fleetUserId', 'members.data[]'),
    role: optString(row['role']) ?? (primaryMember ? 'PRIMARY' : 'SECONDARY'),
    roleCode: optString(row['roleCode']),
    primaryMember,
    // Kept as sent: the reference reads it both ways (docs/architecture.md, API fact 10).
    inActive: optBoolean(row['inActive']),
    joinedOn: optString(row['joinedOn']),
    email: optString(row['email']),
    mobile: optString(row['mobile']),
  });
}

export function parseSearchPage(
  body: unknown,
  requested: { offset: number; limit: number },
): GroupSearchPage {
  const page = asRecord(body, 'userGroup2/search');
  const groups = asArray(page['data'] ?? [], 'search.data').map(parseSummary);
  const pagination = isRecord(page['pagination']) ? page['pagination'] : {};
  return {
    groups,
    offset: optNumber(pagination['offset']) ?? requested.offset,
    limit: optNumber(pagination['limit']) ?? requested.limit,
    total: optNumber(pagination['total']) ?? groups.length,
  };
}

function parseSummary(raw: unknown): GroupSummary {
  const row = asRecord(raw, 'search.data[]');
  return compact({
    groupId: reqNumber(row, 'groupId', 'search.data[]'),
    groupName: reqString(row, 'groupName', 'search.data[]'),
    groupStatus: optString(row['groupStatus']),
    groupExternalId: optString(row['groupExternalId']),
    primaryMemberId: optNumber(row['primaryMemberId']),
    totalMembers: optNumber(row['totalMembers']),
  });
}
