import { Inject, Injectable, Optional } from '@nestjs/common';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { ttlCache } from './ttl-cache';

/** Where we learnt that a customer is a secondary: the sync of a group read its member list. */
export interface SecondaryOf {
  groupId: number;
  primaryCustomerId: number;
  commandId: string;
}

export interface LeaderEntry {
  /** The group the customer leads, or null: leads none. */
  groupId: number | null;
  /** Set for a negative entry seeded by a group sync; forgotten with that group. */
  secondaryOf?: SecondaryOf;
}

/** A test seam like CLOCK: the app keeps the default bound. */
export const GROUP_LEADER_CACHE_MAX = Symbol('GroupLeaderCacheMax');

/**
 * customer -> group they lead, with a TTL, bounded in size, invalidated by group events. Negative entries
 * make the echo of our own adjustments free: the group sync seeds the secondaries it is about to adjust,
 * so their tier events are ignored without a lookup.
 */
@Injectable()
export class GroupLeaderCache {
  private readonly entries: LRUCache<number, LeaderEntry> | undefined;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { router }: Pick<TierSyncConfig, 'router'>,
    @Optional() @Inject(CLOCK) clock: Clock = Date.now,
    @Optional() @Inject(GROUP_LEADER_CACHE_MAX) maxEntries = 100_000,
  ) {
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

  remember(customerId: number, groupId: number | null, secondaryOf?: SecondaryOf): void {
    this.entries?.set(customerId, { groupId, ...(secondaryOf ? { secondaryOf } : {}) });
  }

  /** Seeds "leads no group" for a group's active secondaries; a known leader keeps its entry. */
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

  /** A membership change: drop what we believe about this group and about the customers named. */
  forgetGroup(groupId: number, customerIds: readonly number[] = []): void {
    const stale = [...(this.entries?.entries() ?? [])]
      .filter(([, entry]) => entry.groupId === groupId || entry.secondaryOf?.groupId === groupId)
      .map(([customerId]) => customerId);
    [...stale, ...customerIds].forEach((customerId) => this.entries?.delete(customerId));
  }
}
