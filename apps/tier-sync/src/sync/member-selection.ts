/** What the sync needs to know of a group member (from GET /v2/userGroup2/members). */
export interface MemberRow {
  customerId: number;
  primaryMember: boolean;
  active: boolean;
}

export interface SkippedMember {
  customerId: number;
  note: string;
}

export interface MemberSelection {
  /** Active secondaries to plan, in member-list order. */
  targets: number[];
  /** Named members the sync leaves alone, with why (exited, or no longer in the group). */
  skipped: SkippedMember[];
}

/**
 * Only ACTIVE secondaries are synced: never the primary, never an exited member (the members API returns
 * them too). `only` restricts the sync to some members (a join, or a retry of the failed ones); a named
 * member who has left the group since is reported, not silently dropped.
 */
export function selectSecondaries(
  members: readonly MemberRow[],
  primaryCustomerId: number,
  only?: readonly number[],
): MemberSelection {
  const wanted = only ? new Set(only) : undefined;
  const targets: number[] = [];
  const skipped: SkippedMember[] = [];
  for (const member of members) {
    const isPrimary = member.primaryMember || member.customerId === primaryCustomerId;
    if (isPrimary || (wanted && !wanted.has(member.customerId))) {
      continue;
    }
    if (member.active) {
      targets.push(member.customerId);
    } else {
      skipped.push({ customerId: member.customerId, note: 'exited the group' });
    }
  }
  const listed = new Set(members.map((m) => m.customerId));
  for (const customerId of only ?? []) {
    if (!listed.has(customerId) && customerId !== primaryCustomerId) {
      skipped.push({ customerId, note: 'no longer a member of the group' });
    }
  }
  return { targets, skipped };
}

/** The group's active primary according to the member list, if any. */
export function activePrimaryOf(members: readonly MemberRow[]): number | undefined {
  return members.find((m) => m.primaryMember && m.active)?.customerId;
}
