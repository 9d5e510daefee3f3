import { type ConsumerGroupActiveError } from '@tiersync/kafka';
import { RefusedError } from '../cli/refused.error';

/** Kafka refuses an outside offset change while a group has members, who would overwrite it anyway. */
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
