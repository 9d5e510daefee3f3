import { type ConsumerGroupView } from './consumer-group-offsets';

/** A live member owns its partitions' positions and would overwrite an outside commit with its next one. */
export class ConsumerGroupActiveError extends Error {
  constructor(
    readonly group: ConsumerGroupView,
    readonly unmoved: readonly number[],
  ) {
    super(
      `consumer group ${group.groupId} has ${group.members.length} member(s) (state ${group.state})` +
        (unmoved.length > 0 ? `; partitions ${unmoved.join(', ')} were not moved` : ''),
    );
    this.name = ConsumerGroupActiveError.name;
  }
}
