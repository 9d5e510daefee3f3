import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** No TTL: a later "no group" for a customer seen as an active primary contradicts Capillary's earlier
 * answer, so the group is read by id, not the event ignored (docs/architecture.md, API fact 11). */
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
