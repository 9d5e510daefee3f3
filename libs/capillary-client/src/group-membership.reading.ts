import { type MemberRow } from './member-selection';
import { type GroupMember, type UserGroup } from './user-group.types';

export type MembershipReading =
  | { kind: 'read'; members: MemberRow[]; listed?: GroupMember[] }
  | { kind: 'contradiction'; reason: string; listed: GroupMember[] };

/**
 * How tiersync reads a group's members. `GET /v2/userGroup2?id=` has an unambiguous `active`
 * (docs/architecture.md, API fact 9) but documents no pagination. Only when its rows hold fewer active
 * members than its `totalActiveMembers` is the members list read (`listMembers`); its contested `inActive`
 * (API fact 10) is cross-checked on shared rows, and any disagreement is a contradiction, never a guess.
 */
export async function readGroupMembership(
  group: UserGroup,
  listMembers: () => Promise<GroupMember[]>,
): Promise<MembershipReading> {
  const rows = group.members.map((m) => ({
    customerId: m.userId,
    primaryMember: m.primaryMember,
    active: m.active,
  }));
  const listedActive = rows.filter((m) => m.active).length;
  if (group.totalActiveMembers === undefined || listedActive >= group.totalActiveMembers) {
    return { kind: 'read', members: rows };
  }
  return crossChecked(group, rows, await listMembers());
}

function crossChecked(group: UserGroup, rows: MemberRow[], listed: GroupMember[]): MembershipReading {
  const byId = new Map(rows.map((m) => [m.customerId, m]));
  const disagreements = listed.flatMap((m) => {
    const row = byId.get(m.customerId);
    const primaryOfActiveGroup = m.primaryMember && group.groupStatus === 'ACTIVE';
    const contradicts =
      m.inActive === undefined ||
      (row !== undefined && row.active !== m.inActive) ||
      (primaryOfActiveGroup && !m.inActive);
    return contradicts ? [`${m.customerId} inActive=${String(m.inActive)}`] : [];
  });
  if (disagreements.length > 0) {
    const reason =
      `group ${group.id} (${group.groupStatus}): GET /v2/userGroup2?id= lists ${rows.length} rows for ` +
      `${group.totalActiveMembers ?? '?'} active members, and GET /v2/userGroup2/members contradicts it ` +
      `when inActive is read as true = active (${disagreements.join(', ')}): membership unknown, nothing synced`;
    return { kind: 'contradiction', reason, listed };
  }
  const merged = new Map(listed.map((m) => [m.customerId, memberRow(m)]));
  rows.forEach((m) => merged.set(m.customerId, m));
  return { kind: 'read', members: [...merged.values()], listed };
}

function memberRow(m: GroupMember): MemberRow {
  return { customerId: m.customerId, primaryMember: m.primaryMember, active: m.inActive === true };
}
