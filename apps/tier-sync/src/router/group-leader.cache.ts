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
  expiresAt: number;
}

/**
 * customer -> group they lead, with a TTL, bounded in size (oldest first out), invalidated by group
 * events. Negative entries make the echo of our own adjustments free: the group sync seeds the
 * secondaries it is about to adjust, so their tier events are ignored without a lookup.
 */
export class GroupLeaderCache {
  private readonly entries = new Map<number, LeaderEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(customerId: number): LeaderEntry | undefined {
    const entry = this.entries.get(customerId);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(customerId);
      return undefined;
    }
    return entry;
  }

  remember(customerId: number, groupId: number | null, secondaryOf?: SecondaryOf): void {
    if (this.ttlMs <= 0) {
      return;
    }
    // Re-inserting moves the entry to the back of the eviction order.
    this.entries.delete(customerId);
    this.entries.set(customerId, {
      groupId,
      ...(secondaryOf ? { secondaryOf } : {}),
      expiresAt: this.now() + this.ttlMs,
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) {
        break;
      }
      this.entries.delete(oldest);
    }
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
    this.entries.delete(customerId);
  }

  /** A membership change: drop what we believe about this group and about the customers named. */
  forgetGroup(groupId: number, customerIds: readonly number[] = []): void {
    for (const [customerId, entry] of this.entries) {
      if (entry.groupId === groupId || entry.secondaryOf?.groupId === groupId) {
        this.entries.delete(customerId);
      }
    }
    customerIds.forEach((customerId) => this.entries.delete(customerId));
  }
}
