import { type MemberAction } from '@tiersync/tier-events';
import { type DowngradePolicy } from '../config/tier-sync.config';

export interface TierRef {
  number: number;
  name?: string;
}

export interface PlanInput {
  current: TierRef | undefined;
  target: TierRef;
  downgradePolicy: DowngradePolicy;
  renewal: boolean;
}

export interface MemberPlan {
  action: MemberAction;
  note: string;
  skip?: boolean;
}

/** docs/architecture.md "Sync semantics": an UPGRADE never goes to a member at or above the target, which
 * could only fail with 8925. */
export function planMember({ current, target, downgradePolicy, renewal }: PlanInput): MemberPlan {
  if (current === undefined) {
    return { action: 'NONE', note: 'member has no tier in this program', skip: true };
  }
  if (current.number < target.number) {
    return { action: 'UPGRADE', note: `tier ${current.number} is below the target ${target.number}` };
  }
  if (current.number > target.number) {
    return downgradePolicy === 'mirror'
      ? { action: 'DOWNGRADE', note: `tier ${current.number} is above the target ${target.number} (mirror)` }
      : {
          action: 'NONE',
          note: `tier ${current.number} is above the target ${target.number}, kept (upgrade-only)`,
        };
  }
  return renewal
    ? { action: 'RENEWAL', note: `already on tier ${target.number}; the trigger renews it` }
    : { action: 'NONE', note: `already on tier ${target.number}` };
}
