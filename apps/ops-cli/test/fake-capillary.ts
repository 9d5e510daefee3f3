import { type CustomerProgramTier, type GroupSearchPage, type UserGroup } from '@tiersync/capillary-client';
import { type CapillaryReads } from '../src/reconcile/group-snapshot.reader';

export interface FakeGroup {
  groupId: number;
  status?: string;
  primary?: number;
  secondaries: Record<number, boolean>;
}

export class FakeCapillary implements CapillaryReads {
  readonly calls: string[] = [];

  constructor(
    private readonly groups: FakeGroup[],
    private readonly tiers: Record<number, CustomerProgramTier[]>,
  ) {}

  getGroup(groupId: number): Promise<UserGroup> {
    this.calls.push(`getGroup ${groupId}`);
    const group = this.groups.find((g) => g.groupId === groupId);
    if (!group) {
      return Promise.reject(new Error(`1619: invalid group ${groupId}`));
    }
    const members = Object.entries(group.secondaries).map(([id, active]) => ({
      userId: Number(id),
      primaryMember: false,
      active,
      defaultGroup: true,
    }));
    if (group.primary !== undefined) {
      members.push({ userId: group.primary, primaryMember: true, active: true, defaultGroup: true });
    }
    return Promise.resolve({
      id: groupId,
      groupName: `Family ${groupId}`,
      groupStatus: group.status ?? 'ACTIVE',
      primaryUserId: group.primary,
      members,
      pointsSummaries: [],
    });
  }

  getCustomerLoyalty(customerId: number): Promise<CustomerProgramTier[]> {
    this.calls.push(`getCustomerLoyalty ${customerId}`);
    return Promise.resolve(this.tiers[customerId] ?? []);
  }

  searchGroups(q: string, page: { offset: number; limit: number }): Promise<GroupSearchPage> {
    this.calls.push(`searchGroups ${q} ${page.offset}`);
    const hits = this.groups.slice(page.offset, page.offset + page.limit);
    return Promise.resolve({
      groups: hits.map((g) => ({ groupId: g.groupId, groupName: `Family ${g.groupId}` })),
      offset: page.offset,
      limit: page.limit,
      total: this.groups.length,
    });
  }
}

export const tier = (programId: number, slabSNo: number): CustomerProgramTier => ({
  programId,
  slabSNo,
  currentSlab: ['', 'Silver', 'Gold', 'Platinum'][slabSNo] ?? '?',
});
