import { ConsumerGroupActiveError } from '@tiersync/kafka';
import { RefusedError } from '../cli/refused.error';
import { activeGroupRefusal } from './active-group.refusal';

const members = [
  { memberId: 'a', clientId: 'tier-sync', clientHost: '/10.0.0.7' },
  { memberId: 'b', clientId: 'tier-sync', clientHost: '/10.0.0.8' },
];

describe(activeGroupRefusal.name, () => {
  it('names the group, its members and the steps to take', () => {
    const sut = activeGroupRefusal(
      new ConsumerGroupActiveError({ groupId: 'tiersync.tier-sync', state: 'Stable', members }, []),
    );
    expect(sut).toBeInstanceOf(RefusedError);
    expect(sut.message).toBe(
      [
        'consumer group tiersync.tier-sync has 2 active member(s) (client ids: tier-sync on /10.0.0.7, ' +
          'tier-sync on /10.0.0.8; state Stable).',
        'Kafka moves the offsets of a consumer group only while the group has no members.',
        'Stop tier-sync or scale it to 0 (every consumer of this group), run this command again, then start it:',
        'it resumes from the new offsets.',
      ].join('\n'),
    );
  });

  it('says which partitions did not move when a consumer joined during the move', () => {
    const sut = activeGroupRefusal(
      new ConsumerGroupActiveError({ groupId: 'g', state: 'Stable', members: members.slice(0, 1) }, [0, 2]),
    );
    expect(sut.message).toContain(
      'consumer group g got 1 active member(s) while its offsets were being moved; partition(s) 0, 2 did not move',
    );
  });
});
