import { Inject, Injectable } from '@nestjs/common';
import { classifyFailure } from '@tiersync/capillary-client';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { GroupLeaderCache, type SecondaryOf } from '../capillary/group-leader.cache';
import { type LookupResult } from '../observability/sync.metrics';

export interface Leadership {
  groupId: number | null;
  result: LookupResult;
  reason: string;
  secondaryOf?: SecondaryOf;
  cached: boolean;
}

/**
 * A permanent lookup error (e.g. 8015, unknown customer) means "leads no group we can sync"; a retryable
 * one is rethrown, so the consumer retries the event instead of losing it.
 */
@Injectable()
export class GroupLeaderLookup {
  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'findGroupLedBy'>,
    private readonly cache: GroupLeaderCache,
    private readonly retry: CapillaryRetry,
  ) {}

  async lookup(customerId: number, signal?: AbortSignal): Promise<Leadership> {
    const hit = this.cache.get(customerId);
    if (hit) {
      return {
        groupId: hit.groupId,
        result: resultOf(hit.groupId, hit.secondaryOf),
        reason: reasonOf(customerId, hit.secondaryOf),
        ...secondary(hit.secondaryOf),
        cached: true,
      };
    }
    try {
      const group = await this.retry.execute(() => this.api.findGroupLedBy(customerId), signal);
      this.cache.remember(customerId, group?.id ?? null);
      const groupId = group?.id ?? null;
      return { groupId, result: resultOf(groupId), reason: reasonOf(customerId), cached: false };
    } catch (error) {
      if (signal?.aborted || classifyFailure(error) === 'retryable') {
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        groupId: null,
        result: 'lookup_failed',
        reason: `group lookup for customer ${customerId} failed permanently: ${message}`,
        cached: false,
      };
    }
  }
}

function resultOf(groupId: number | null, secondaryOf?: SecondaryOf): LookupResult {
  if (groupId !== null) {
    return 'leads_group';
  }
  return secondaryOf ? 'secondary' : 'leads_no_group';
}

function reasonOf(customerId: number, secondaryOf?: SecondaryOf): string {
  return secondaryOf
    ? `customer ${customerId} is a secondary of group ${secondaryOf.groupId} (member list read by command ${secondaryOf.commandId}), not a primary: not synced`
    : `customer ${customerId} leads no group: not synced`;
}

function secondary(secondaryOf: SecondaryOf | undefined): { secondaryOf?: SecondaryOf } {
  return secondaryOf ? { secondaryOf } : {};
}
