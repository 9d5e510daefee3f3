import { Inject, Injectable, Optional } from '@nestjs/common';
import { type UserGroup } from '@tiersync/capillary-client';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { ttlCache } from './ttl-cache';

/** Long enough for a command to go from the router through Kafka to the group sync of the same process. */
export const GROUP_SNAPSHOT_TTL_MS = 5_000;

/** The router's lookup already read the whole group, so the group sync of the same process need not read it
 * again by id. Membership events drop it; a later or remote command reads the group itself. */
@Injectable()
export class GroupSnapshots {
  private readonly groups: LRUCache<number, UserGroup>;

  constructor(@Optional() @Inject(CLOCK) clock: Clock = Date.now) {
    this.groups = ttlCache({ ttlMs: GROUP_SNAPSHOT_TTL_MS, max: 10_000, clock });
  }

  remember(group: UserGroup): void {
    this.groups.set(group.id, group);
  }

  fresh(groupId: number): UserGroup | undefined {
    return this.groups.get(groupId);
  }

  forget(groupId: number): void {
    this.groups.delete(groupId);
  }
}
