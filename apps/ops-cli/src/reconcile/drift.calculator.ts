import { type CustomerProgramTier } from '@tiersync/capillary-client';
import { type DowngradePolicy } from '../config/ops.environment';

export interface TierRef {
  number: number;
  name: string;
}

export interface GroupSnapshot {
  groupId: number;
  groupName: string;
  primaryCustomerId: number;
  primaryTiers: readonly CustomerProgramTier[];
  secondaries: readonly { customerId: number; tiers: readonly CustomerProgramTier[] }[];
}

export type DriftDirection = 'below' | 'above' | 'not-enrolled';

export interface MemberDrift {
  customerId: number;
  tier: TierRef | null;
  direction: DriftDirection;
}

export interface ProgramDrift {
  programId: number;
  primaryTier: TierRef;
  inStep: number;
  drifted: MemberDrift[];
}

export interface GroupDrift {
  groupId: number;
  groupName: string;
  primaryCustomerId: number;
  programs: ProgramDrift[];
  driftedMembers: number;
}

/** Under `upgrade-only` a member above the primary is in step, as the sync leaves it. */
export function calculateDrift(
  group: GroupSnapshot,
  policy: DowngradePolicy,
  programIds?: readonly number[],
): GroupDrift {
  const programs = group.primaryTiers
    .filter((p) => !programIds?.length || programIds.includes(p.programId))
    .sort((a, b) => a.programId - b.programId)
    .map((primary) => {
      const drifted: MemberDrift[] = [];
      for (const member of group.secondaries) {
        const tier = member.tiers.find((t) => t.programId === primary.programId);
        const direction = directionOf(primary.slabSNo, tier, policy);
        if (direction) {
          drifted.push({ customerId: member.customerId, tier: tier ? tierRef(tier) : null, direction });
        }
      }
      return {
        programId: primary.programId,
        primaryTier: tierRef(primary),
        inStep: group.secondaries.length - drifted.length,
        drifted,
      };
    });
  return {
    groupId: group.groupId,
    groupName: group.groupName,
    primaryCustomerId: group.primaryCustomerId,
    programs,
    driftedMembers: new Set(programs.flatMap((p) => p.drifted.map((m) => m.customerId))).size,
  };
}

function directionOf(
  target: number,
  member: CustomerProgramTier | undefined,
  policy: DowngradePolicy,
): DriftDirection | undefined {
  if (!member) {
    return 'not-enrolled';
  }
  if (member.slabSNo < target) {
    return 'below';
  }
  return member.slabSNo > target && policy === 'mirror' ? 'above' : undefined;
}

function tierRef(tier: CustomerProgramTier): TierRef {
  return { number: tier.slabSNo, name: tier.currentSlab };
}
