import { type ConsumerGroupActiveError } from '@tiersync/kafka';
import { RefusedError } from '../cli/refused.error';

/**
 * Replay only moves a group without members: Kafka refuses an outside offset change for a group with
 * members, and a running consumer would overwrite it with its next commit. The message tells the operator
 * exactly how to get there.
 */
export function activeGroupRefusal(error: ConsumerGroupActiveError): RefusedError {
  const { group, unmoved } = error;
  const members = group.members.map((m) => `${m.clientId} on ${m.clientHost}`).join(', ');
  const found =
    unmoved.length === 0
      ? `consumer group ${group.groupId} has ${group.members.length} active member(s)`
      : `consumer group ${group.groupId} got ${group.members.length} active member(s) while its offsets ` +
        `were being moved; partition(s) ${unmoved.join(', ')} did not move`;
  return new RefusedError(
    [
      `${found} (client ids: ${members || 'none left'}; state ${group.state}).`,
      'Kafka moves the offsets of a consumer group only while the group has no members.',
      'Stop tier-sync or scale it to 0 (every consumer of this group), run this command again, then start it:',
      'it resumes from the new offsets.',
    ].join('\n'),
  );
}
