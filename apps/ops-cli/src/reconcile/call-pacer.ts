import { RateLimiter, type Clock } from '@tiersync/capillary-client';

/**
 * Paces RECONCILE commands by the Capillary calls each will make tier-sync spend, so that a reconcile of
 * thousands of groups enters the command topic no faster than the API budget lets tier-sync work it off
 * and never builds a backlog in front of live (webhook-driven) syncs. tier-sync enforces the limit for
 * its own calls anyway; this keeps the queue short.
 */
export class CallPacer {
  private readonly limiter: RateLimiter;

  constructor(callsPerMinute: number, clock?: Clock) {
    this.limiter = new RateLimiter({ perMinute: callsPerMinute, clock });
  }

  async reserve(calls: number): Promise<void> {
    for (let i = 0; i < calls; i++) {
      await this.limiter.acquire();
    }
  }
}

/**
 * Calls one group sync makes: the member list, the primary's tiers, each active secondary's tiers, and an
 * adjustment per member out of step (every secondary when the CLI did not check).
 */
export function estimatedSyncCalls(activeSecondaries: number, drifted?: number): number {
  return 2 + activeSecondaries + (drifted ?? activeSecondaries);
}
