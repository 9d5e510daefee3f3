import { Inject, Injectable, Optional } from '@nestjs/common';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { ttlCache } from './ttl-cache';

export interface SecondaryOf {
  groupId: number;
  primaryCustomerId: number;
  commandId: string;
}

export interface LeaderEntry {
  groupId: number | null;
  secondaryOf?: SecondaryOf;
}

export const NO_GROUP_TTL_MS = 60_000;

export const GROUP_LEADER_CACHE_MAX = Symbol('GroupLeaderCacheMax');

/** Negative entries make the echo of our own adjustments free: the group sync seeds the secondaries it is
 * about to adjust, so their tier events are ignored without a lookup. */
@Injectable()
export class GroupLeaderCache {
  private readonly entries: LRUCache<number, LeaderEntry> | undefined;
  private readonly ttlMs: number;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { router }: Pick<TierSyncConfig, 'router'>,
    @Optional() @Inject(CLOCK) clock: Clock = Date.now,
    @Optional() @Inject(GROUP_LEADER_CACHE_MAX) maxEntries = 100_000,
  ) {
    this.ttlMs = router.groupCacheTtlMs;
    this.entries =
      router.groupCacheTtlMs > 0
        ? ttlCache({ ttlMs: router.groupCacheTtlMs, max: maxEntries, clock })
        : undefined;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  get(customerId: number): LeaderEntry | undefined {
    return this.entries?.get(customerId);
  }

  /** "Leads no group" is an inference from an error code (docs/architecture.md, API fact 11): kept at most
   * NO_GROUP_TTL_MS, so a wrong one cannot silence a customer for the whole TTL. */
  remember(customerId: number, groupId: number | null, secondaryOf?: SecondaryOf): void {
    const brief = groupId === null && !secondaryOf;
    this.entries?.set(
      customerId,
      { groupId, ...(secondaryOf ? { secondaryOf } : {}) },
      brief ? { ttl: Math.min(NO_GROUP_TTL_MS, this.ttlMs) } : {},
    );
  }

  rememberSecondaries(secondaryOf: SecondaryOf, customerIds: readonly number[]): void {
    for (const customerId of customerIds) {
      if (typeof this.get(customerId)?.groupId !== 'number') {
        this.remember(customerId, null, secondaryOf);
      }
    }
  }

  forget(customerId: number): void {
    this.entries?.delete(customerId);
  }

  forgetGroup(groupId: number, customerIds: readonly number[] = []): void {
    const stale = [...(this.entries?.entries() ?? [])]
      .filter(([, entry]) => entry.groupId === groupId || entry.secondaryOf?.groupId === groupId)
      .map(([customerId]) => customerId);
    [...stale, ...customerIds].forEach((customerId) => this.entries?.delete(customerId));
  }
}
