import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';

export type Sighting = 'new' | 'redelivery' | 'duplicate';

interface FirstSeen {
  /** `partition:offset` of the record that first carried the eventId. */
  position: string;
  /** Record timestamp (epoch ms), which orders eviction. */
  at: number;
}

/**
 * eventId -> the input record that first carried it, for the last `windowMs`. A record is a duplicate
 * when its eventId was first seen at ANOTHER position; the same position again is a redelivery of the
 * original (after a crash or rebalance) and must be processed. That distinction is what lets the window
 * be rebuilt from the input topic itself (see DedupeLoader) without an extra store: reading back up to
 * the end marks originals, never hides them.
 */
@Injectable()
export class DedupeWindow {
  private readonly seen = new Map<string, FirstSeen>();
  private readonly windowMs: number;
  private readonly maxEntries: number;

  constructor(
    @Inject(TIER_SYNC_CONFIG)
    { router }: { router: Pick<TierSyncConfig['router'], 'dedupeWindowMs' | 'dedupeMaxEntries'> },
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.windowMs = router.dedupeWindowMs;
    this.maxEntries = router.dedupeMaxEntries;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Classifies the sighting and, when it is the first, records it. */
  check(eventId: string, position: string, at: number): Sighting {
    if (this.windowMs <= 0) {
      return 'new';
    }
    this.evict();
    const first = this.seen.get(eventId);
    if (first && first.at >= this.now() - this.windowMs) {
      return first.position === position ? 'redelivery' : 'duplicate';
    }
    this.seen.delete(eventId);
    this.seen.set(eventId, { position, at });
    return 'new';
  }

  /**
   * Records a sighting read back at start-up. Partitions are read back in any order, so of two records
   * with one eventId (only possible across partitions) the earlier one counts as the original.
   */
  seed(eventId: string, position: string, at: number): void {
    const first = this.seen.get(eventId);
    if (this.windowMs <= 0 || (first && first.at <= at)) {
      return;
    }
    this.seen.set(eventId, { position, at });
    this.evict();
  }

  /** Drops sightings older than the window (insertion order is close to time order) and past the bound. */
  private evict(): void {
    const cutoff = this.now() - this.windowMs;
    for (const [eventId, first] of this.seen) {
      if (first.at >= cutoff && this.seen.size <= this.maxEntries) {
        return;
      }
      this.seen.delete(eventId);
    }
  }
}

export function positionOf(partition: number, offset: string): string {
  return `${partition}:${offset}`;
}

/**
 * The position that identifies a record's event for dedupe: a requeued event (tier-sync put it back on the
 * topic after giving up on it) names the record it was first consumed from, so it counts as a redelivery
 * of that record rather than as a duplicate of it.
 */
export function originalPosition(
  partition: number,
  offset: string,
  requeuedFrom: string | undefined,
): string {
  return requeuedFrom !== undefined && /^\d+:\d+$/.test(requeuedFrom)
    ? requeuedFrom
    : positionOf(partition, offset);
}
