import {
  activePrimaryOf,
  type CustomerProgramTier,
  type MemberRow,
  readGroupMembership,
  selectSecondaries,
  type UserGroup,
} from '@tiersync/capillary-client';
import { type CheckList, messageOf } from './check-list';
import { type DoctorClient } from './doctor-client';
import { type DoctorReport, type MemberReading, type ProgramReport } from './doctor.report';

type Findings = Pick<DoctorReport, 'groupRows' | 'membersList' | 'reading'>;

/** Reads the group's members exactly as tier-sync does (`readGroupMembership`) and every member's tiers. */
export async function checkMembership(
  client: Pick<DoctorClient, 'getCustomerLoyalty' | 'getGroupMembers'>,
  group: UserGroup,
  customerId: number,
  programs: readonly ProgramReport[],
  checks: CheckList,
): Promise<Findings> {
  const groupRows = group.members;
  const reading = await readGroupMembership(group, () => client.getGroupMembers(group.id)).catch(
    (error: unknown) => {
      checks.fail('members', `GET /v2/userGroup2/members of group ${group.id}: ${messageOf(error)}`);
      return undefined;
    },
  );
  if (reading?.kind !== 'read') {
    if (reading) {
      checks.fail(
        'members',
        `${reading.reason}; tier-sync dead-letters every command of this group and counts ` +
          'tiersync_capillary_contradictions_total{check="members_inactive"}',
      );
    }
    return { groupRows, membersList: reading?.listed };
  }
  const { members, listed } = reading;
  const counts = `${groupRows.length} rows for ${group.totalActiveMembers ?? '?'} active members`;
  if (listed) {
    checks.warn(
      'members',
      `GET /v2/userGroup2?id=${group.id} lists ${counts}: tier-sync completes them from ` +
        'GET /v2/userGroup2/members, whose inActive (read as true = active) agrees with every shared row',
    );
  } else {
    checks.ok('members', `GET /v2/userGroup2?id=${group.id} lists ${counts}: the members list is not needed`);
  }
  const primary = activePrimaryOf(members);
  if (primary !== customerId) {
    checks.fail(
      'members',
      `tier-sync reads the active primary of group ${group.id} as ${primary ?? 'none'}, not customer ` +
        `${customerId}: commands for the customer are recorded IGNORED`,
    );
  }
  const { targets } = selectSecondaries(members, primary ?? customerId);
  const tiers = await Promise.all(members.map((m) => tiersOf(client, m, m.customerId === primary, checks)));
  const readings = members.map((m, i): MemberReading => ({
    ...m,
    tierSync: roleOf(m, primary, targets),
    tiers: Object.fromEntries(programs.map((p) => [p.programId, describeTier(tiers[i], p.programId)])),
  }));
  checkPrimaryTiers(customerId, tiers[members.findIndex((m) => m.customerId === primary)], programs, checks);
  const synced = targets.length > 0 ? targets.join(', ') : 'none';
  checks.ok(
    'members',
    `tier-sync syncs ${targets.length} active secondaries of group ${group.id}: ${synced}`,
  );
  return { groupRows, membersList: listed, reading: readings };
}

async function tiersOf(
  client: Pick<DoctorClient, 'getCustomerLoyalty'>,
  member: MemberRow,
  isPrimary: boolean,
  checks: CheckList,
): Promise<CustomerProgramTier[] | undefined> {
  try {
    return await client.getCustomerLoyalty(member.customerId);
  } catch (error) {
    const read = `GET /v2/customers/${member.customerId}?embed=mlp: ${messageOf(error)}`;
    if (isPrimary) {
      checks.fail('members', `${read}; tier-sync cannot read the primary's tier`);
    } else if (member.active) {
      checks.warn('members', `${read}; tier-sync dead-letters this member`);
    }
    return undefined;
  }
}

function checkPrimaryTiers(
  customerId: number,
  tiers: CustomerProgramTier[] | undefined,
  programs: readonly ProgramReport[],
  checks: CheckList,
): void {
  const held = programs.flatMap((p) => {
    const tier = tiers?.find((t) => t.programId === p.programId);
    return tier ? [{ program: p, tier }] : [];
  });
  if (tiers && held.length === 0 && programs.length > 0) {
    checks.warn(
      'members',
      `customer ${customerId} has no tier in program ${programs.map((p) => p.programId).join(', ')}: ` +
        'tier-sync fails their commands there (no target tier)',
    );
  }
  for (const { program, tier } of held) {
    if (program.tiers && !program.tiers.some((t) => t.name === tier.currentSlab)) {
      checks.warn(
        'members',
        `customer ${customerId}'s tier "${tier.currentSlab}" in program ${program.programId} is not a LIVE tier ` +
          'of GET /v3/tiers: manualSlabAdjustment may refuse it as toSlabName',
      );
    }
  }
}

function roleOf(
  member: MemberRow,
  primary: number | undefined,
  targets: number[],
): MemberReading['tierSync'] {
  if (member.customerId === primary) {
    return 'primary';
  }
  if (targets.includes(member.customerId)) {
    return 'synced';
  }
  return member.active ? 'not the active primary' : 'skipped: exited the group';
}

function describeTier(tiers: CustomerProgramTier[] | undefined, programId: number): string | null {
  const tier = tiers?.find((t) => t.programId === programId);
  return tier ? `${tier.currentSlab} (${tier.slabSNo})` : null;
}
