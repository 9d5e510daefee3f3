import { RefusedError } from '../cli/refused.error';
import { GroupActiveError, type GroupCoordinatorClient } from './group-coordinator.client';
import { type GroupInspector, type GroupView } from './group-inspector';

export interface MoveResult {
  /** Member ids removed from the group (only with force). */
  evicted: string[];
  attempts: number;
}

const FORCE_ATTEMPTS = 5;

/**
 * Commits new offsets for a consumer group from outside it. Kafka accepts that only while the group has
 * no members, and live members would overwrite the offsets with their next commit anyway, so:
 * - without force, a group with members is refused;
 * - with force, the members are removed from the group (LeaveGroup by member id) and the offsets are
 *   committed while it is empty. The consumers notice at their next heartbeat or commit, rejoin, and read
 *   the new committed offsets. Their in-flight work still finishes, but its commits are rejected (stale
 *   generation), so it is handled again: at-least-once, like any rebalance. If a member rejoins before
 *   the commit lands, the broker rejects the commit and we try again.
 */
export class OffsetMover {
  constructor(
    private readonly inspector: GroupInspector,
    private readonly coordinator: GroupCoordinatorClient,
  ) {}

  async move(
    groupId: string,
    topic: string,
    offsets: readonly { partition: number; offset: number }[],
    force: boolean,
  ): Promise<MoveResult> {
    const evicted: string[] = [];
    for (let attempt = 1; attempt <= (force ? FORCE_ATTEMPTS : 1); attempt++) {
      const view = await this.inspector.group(groupId);
      if (view.members.length > 0) {
        if (!force) {
          throw new RefusedError(liveMembersMessage(view));
        }
        const ids = view.members.map((m) => m.memberId);
        const gone = new Set(await this.coordinator.removeMembers(groupId, ids));
        evicted.push(...ids.filter((id) => !gone.has(id)));
      }
      try {
        await this.coordinator.commitOffsets(groupId, topic, offsets);
        return { evicted, attempts: attempt };
      } catch (error) {
        if (!(error instanceof GroupActiveError)) {
          throw error;
        }
        if (!force) {
          throw new RefusedError(`${error.message}: a consumer joined while the offsets were being moved`);
        }
      }
    }
    throw new Error(
      `group ${groupId} kept getting members back after ${FORCE_ATTEMPTS} attempts; stop its consumers and retry`,
    );
  }
}

export function liveMembersMessage(view: GroupView): string {
  const who = view.members.map((m) => `${m.clientId}@${m.clientHost}`).join(', ');
  return [
    `consumer group ${view.groupId} has ${view.members.length} live member(s) (${who}, state ${view.state}).`,
    'Kafka only accepts offset changes for a group without members, and a live member would overwrite them',
    'with its next commit. Stop tier-sync and re-run, or add --force to remove the members, move the offsets',
    'while the group is empty and let the members rejoin from the new offsets (their in-flight work is',
    'handled again).',
  ].join('\n');
}
