import { RateLimiter, type Clock } from '@tiersync/capillary-client';

/** A reconcile of thousands of groups must not build a backlog in front of live (webhook-driven) syncs. */
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

export function estimatedSyncCalls(activeSecondaries: number, drifted?: number): number {
  return 2 + activeSecondaries + (drifted ?? activeSecondaries);
}
