import { type CapillaryClient } from '@tiersync/capillary-client';
import { type GroupSnapshot } from './drift.calculator';

/** A structural type, so unit tests can pass a small fake. */
export type CapillaryReads = Pick<CapillaryClient, 'getGroup' | 'getCustomerLoyalty' | 'searchGroups'>;

export type SnapshotOutcome =
  | { kind: 'read'; snapshot: GroupSnapshot; activeSecondaries: number }
  | { kind: 'skipped'; groupId: number; reason: string };

export class GroupSnapshotReader {
  constructor(private readonly client: CapillaryReads) {}

  async read(groupId: number, withSecondaries: boolean): Promise<SnapshotOutcome> {
    const group = await this.client.getGroup(groupId);
    if (group.groupStatus !== 'ACTIVE') {
      return { kind: 'skipped', groupId, reason: `group status is ${group.groupStatus}` };
    }
    const primaryCustomerId = group.primaryUserId;
    if (primaryCustomerId === undefined) {
      return { kind: 'skipped', groupId, reason: 'the group has no active primary member' };
    }
    const active = group.members
      .filter((m) => m.active && !m.primaryMember && m.userId !== primaryCustomerId)
      .map((m) => m.userId);
    const secondaryIds = withSecondaries ? active : [];
    // The client applies the rate limit and the concurrency cap to these parallel reads.
    const [primaryTiers, ...secondaryTiers] = await Promise.all(
      [primaryCustomerId, ...secondaryIds].map((id) => this.client.getCustomerLoyalty(id)),
    );
    return {
      kind: 'read',
      activeSecondaries: active.length,
      snapshot: {
        groupId,
        groupName: group.groupName,
        primaryCustomerId,
        primaryTiers: primaryTiers ?? [],
        secondaries: secondaryIds.map((customerId, i) => ({ customerId, tiers: secondaryTiers[i] ?? [] })),
      },
    };
  }
}
