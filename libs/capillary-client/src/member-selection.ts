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
  targets: number[];
  skipped: SkippedMember[];
}

/** The group lists exited members too; a named member who has left since is reported, not dropped. */
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

export function activePrimaryOf(members: readonly MemberRow[]): number | undefined {
  return members.find((m) => m.primaryMember && m.active)?.customerId;
}
