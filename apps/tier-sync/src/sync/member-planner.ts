import { type MemberAction } from '@tiersync/tier-events';
import { type DowngradePolicy } from '../config/tier-sync.config';

/** A tier as the sync compares it: by number (the order), named for the API. */
export interface TierRef {
  number: number;
  name?: string;
}

export interface PlanInput {
  /** The member's tier in the program; undefined when the member has none there. */
  current: TierRef | undefined;
  target: TierRef;
  downgradePolicy: DowngradePolicy;
  /** The trigger renews the primary's tier, so a member already on it is renewed too. */
  renewal: boolean;
}

export interface MemberPlan {
  action: MemberAction;
  /** Why, in words, for the audit trail and the logs. */
  note: string;
  /** A member the sync must not touch at all (as opposed to one already in step). */
  skip?: boolean;
}

/**
 * The per-member decision of docs/architecture.md "Sync semantics". Tier numbers give the order; a call is
 * planned only when it can succeed, so an UPGRADE never goes to a member at or above the target (the
 * call that could only fail with 8925).
 */
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
