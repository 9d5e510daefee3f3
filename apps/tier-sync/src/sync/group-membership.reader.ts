import { Inject, Injectable, Logger } from '@nestjs/common';
import { type MemberRow, readGroupMembership, type UserGroup } from '@tiersync/capillary-client';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { SyncMetrics } from '../observability/sync.metrics';
import { SyncFailure } from './sync-failure.error';

export interface GroupMembership {
  group: UserGroup;
  members: MemberRow[];
}

/** The reading is libs/capillary-client's `readGroupMembership` (`ops doctor` prints the same one); a
 * contradiction fails the command permanently rather than syncing from a misread list. */
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
    const reading = await readGroupMembership(group, () =>
      this.retry.execute(() => this.api.getGroupMembers(groupId), signal),
    );
    if (reading.kind === 'contradiction') {
      this.metrics.recordContradiction('members_inactive');
      this.logger.error({ msg: 'membership contradiction', groupId: group.id, reason: reading.reason });
      throw new SyncFailure(reading.reason);
    }
    return { group, members: reading.members };
  }
}
