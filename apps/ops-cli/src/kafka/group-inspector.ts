import { type Admin } from 'kafkajs';
import { UsageError } from '../cli/usage.error';
import { type PartitionState } from './replay-plan';

export interface LiveMember {
  memberId: string;
  clientId: string;
  clientHost: string;
}

export interface GroupView {
  groupId: string;
  /** Kafka's group state: Empty, Stable, PreparingRebalance, CompletingRebalance or Dead (unknown group). */
  state: string;
  members: LiveMember[];
}

/** Read-only views of a consumer group and a topic through the kafkajs admin client. */
export class GroupInspector {
  constructor(private readonly admin: Admin) {}

  async requireTopic(topic: string): Promise<void> {
    const topics = await this.admin.listTopics();
    if (!topics.includes(topic)) {
      throw new UsageError(`topic ${topic} does not exist`);
    }
  }

  async group(groupId: string): Promise<GroupView> {
    const { groups } = await this.admin.describeGroups([groupId]);
    const group = groups[0];
    return {
      groupId,
      state: group?.state ?? 'Dead',
      members: (group?.members ?? []).map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
      })),
    };
  }

  /** Log start, high watermark and the group's committed offset for every partition of the topic. */
  async partitions(groupId: string, topic: string): Promise<PartitionState[]> {
    const [watermarks, committed] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedBy = new Map(
      (committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)] as const),
    );
    return watermarks
      .map((w) => {
        const offset = committedBy.get(w.partition);
        return {
          partition: w.partition,
          low: Number(w.low),
          high: Number(w.high),
          // kafkajs reports "no committed offset" as -1.
          committed: offset === undefined || offset < 0 ? null : offset,
        };
      })
      .sort((a, b) => a.partition - b.partition);
  }

  /** Per partition, the first offset whose record timestamp is >= `timestamp` (the end if none is). */
  async offsetsAt(topic: string, timestamp: number): Promise<Map<number, number>> {
    const offsets = await this.admin.fetchTopicOffsetsByTimestamp(topic, timestamp);
    return new Map(offsets.map((o) => [o.partition, Number(o.offset)]));
  }
}
