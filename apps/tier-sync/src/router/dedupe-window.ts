import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';

export type Sighting = 'new' | 'redelivery' | 'duplicate';

interface FirstSeen {
  position: string;
  at: number;
}

/** An eventId seen again at the SAME position is a redelivery and must be processed; that lets the window
 * be rebuilt from the input topic itself, without an extra store. */
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

  /** Partitions are read back in any order, so of two records with one eventId the earlier one wins. */
  seed(eventId: string, position: string, at: number): void {
    const first = this.seen.get(eventId);
    if (this.windowMs <= 0 || (first && first.at <= at)) {
      return;
    }
    this.seen.set(eventId, { position, at });
    this.evict();
  }

  /** Insertion order is close to time order. */
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

/** A requeued event names the record it was first consumed from, so it counts as a redelivery of it. */
export function originalPosition(
  partition: number,
  offset: string,
  requeuedFrom: string | undefined,
): string {
  return requeuedFrom !== undefined && /^\d+:\d+$/.test(requeuedFrom)
    ? requeuedFrom
    : positionOf(partition, offset);
}
