import { Inject, Injectable, Logger } from '@nestjs/common';
import { type GroupMember, type UserGroup } from '@tiersync/capillary-client';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { SyncMetrics } from '../observability/sync.metrics';
import { type MemberRow } from './member-selection';
import { SyncFailure } from './sync-failure.error';

export interface GroupMembership {
  group: UserGroup;
  members: MemberRow[];
}

/**
 * `GET /v2/userGroup2?id=` has an unambiguous `active` (docs/architecture.md, API fact 9) but documents no
 * pagination. Only when its rows hold fewer active members than its `totalActiveMembers` is the members list
 * read; its contested `inActive` (API fact 10) is cross-checked on shared rows, and any disagreement fails
 * the command permanently rather than syncing from a misread list.
 */
@Injectable()
export class GroupMembershipReader {
  private readonly logger = new Logger(GroupMembershipReader.name);

  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'getGroup' | 'getGroupMembers'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordContradiction'>,
    private readonly retry: CapillaryRetry,
    private readonly snapshots: GroupSnapshots,
  ) {}

  async read(groupId: number, signal: AbortSignal): Promise<GroupMembership> {
    const group =
      this.snapshots.fresh(groupId) ?? (await this.retry.execute(() => this.api.getGroup(groupId), signal));
    const rows = group.members.map((m) => ({
      customerId: m.userId,
      primaryMember: m.primaryMember,
      active: m.active,
    }));
    const listedActive = rows.filter((m) => m.active).length;
    if (group.totalActiveMembers === undefined || listedActive >= group.totalActiveMembers) {
      return { group, members: rows };
    }
    const listed = await this.retry.execute(() => this.api.getGroupMembers(groupId), signal);
    return { group, members: this.crossChecked(group, rows, listed) };
  }

  private crossChecked(group: UserGroup, rows: MemberRow[], listed: GroupMember[]): MemberRow[] {
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
      const message =
        `group ${group.id} (${group.groupStatus}): GET /v2/userGroup2?id= lists ${rows.length} rows for ` +
        `${group.totalActiveMembers ?? '?'} active members, and GET /v2/userGroup2/members contradicts it ` +
        `when inActive is read as true = active (${disagreements.join(', ')}): membership unknown, nothing synced`;
      this.metrics.recordContradiction('members_inactive');
      this.logger.error({ msg: 'membership contradiction', groupId: group.id, reason: message });
      throw new SyncFailure(message);
    }
    const merged = new Map(listed.map((m) => [m.customerId, memberRow(m)]));
    rows.forEach((m) => merged.set(m.customerId, m));
    return [...merged.values()];
  }
}

function memberRow(m: GroupMember): MemberRow {
  return { customerId: m.customerId, primaryMember: m.primaryMember, active: m.inActive === true };
}
