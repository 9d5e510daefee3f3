import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/**
 * Customers seen as a group's active primary (in a membership event, in a group read), kept apart from the
 * lookup cache and without a TTL: when `GET /v2/userGroup2?primaryUserId=` later answers "no group" for
 * one of them, the two answers contradict each other and the group is read by id instead of the event
 * being ignored (docs/architecture.md, API fact 11).
 */
@Injectable()
export class KnownPrimaries {
  private readonly groups = new LRUCache<number, { groupId: number }>({ max: 100_000 });

  remember(customerId: number, groupId: number): void {
    this.groups.set(customerId, { groupId });
  }

  groupOf(customerId: number): number | undefined {
    return this.groups.get(customerId)?.groupId;
  }

  forget(customerId: number): void {
    this.groups.delete(customerId);
  }
}
