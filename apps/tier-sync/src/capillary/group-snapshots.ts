import { Inject, Injectable, Optional } from '@nestjs/common';
import { type GroupRows, type UserGroup } from '@tiersync/capillary-client';
import { type GroupSnapshot, type GroupSyncCommand, type Plain } from '@tiersync/tier-events';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { ttlCache } from './ttl-cache';

/** Long enough for a command to go from the router through Kafka to the group sync. */
export const GROUP_SNAPSHOT_TTL_MS = 5_000;

/** Past this many rows (about 50 bytes each) a command would grow towards Kafka's record limit: such a
 * group is read by the sync itself. */
export const GROUP_SNAPSHOT_MAX_ROWS = 2_000;

interface Snapshot {
  group: UserGroup;
  readAt: number;
}

/**
 * The router's lookup already read the whole group, so the first sync of its command need not read it again:
 * the process keeps it, and the command carries it to whichever instance syncs it. Membership events drop
 * the kept one; a later command, a retry, a redrive or a reconcile reads the group itself.
 */
@Injectable()
export class GroupSnapshots {
  private readonly groups: LRUCache<number, Snapshot>;

  constructor(@Optional() @Inject(CLOCK) private readonly clock: Clock = Date.now) {
    this.groups = ttlCache({ ttlMs: GROUP_SNAPSHOT_TTL_MS, max: 10_000, clock });
  }

  remember(group: UserGroup): void {
    this.groups.set(group.id, { group, readAt: this.clock() });
  }

  fresh(groupId: number): UserGroup | undefined {
    return this.groups.get(groupId)?.group;
  }

  forget(groupId: number): void {
    this.groups.delete(groupId);
  }

  /** What a command carries of the group kept here, if any. */
  toCarry(groupId: number): Plain<GroupSnapshot> | undefined {
    const kept = this.groups.get(groupId);
    if (!kept || kept.group.members.length > GROUP_SNAPSHOT_MAX_ROWS) {
      return undefined;
    }
    const { groupStatus, totalActiveMembers, members } = kept.group;
    return {
      readAt: kept.readAt,
      groupStatus,
      ...(totalActiveMembers === undefined ? {} : { totalActiveMembers }),
      members: members.map(({ userId, primaryMember, active }) => ({ userId, primaryMember, active })),
    };
  }

  /** The group a fresh command carries, trusted for as long as a kept one would be. */
  carriedBy(command: Pick<GroupSyncCommand, 'attempt' | 'groupId' | 'groupSnapshot'>): GroupRows | undefined {
    const carried = command.groupSnapshot;
    if (!carried || command.attempt !== 0 || this.clock() - carried.readAt > GROUP_SNAPSHOT_TTL_MS) {
      return undefined;
    }
    const { groupStatus, totalActiveMembers, members } = carried;
    return {
      id: command.groupId,
      groupStatus,
      ...(totalActiveMembers === undefined ? {} : { totalActiveMembers }),
      members,
    };
  }
}
