import { type Admin } from 'kafkajs';
import { ConsumerGroupActiveError } from './consumer-group-active.error';

export interface ConsumerGroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
}

export interface ConsumerGroupView {
  groupId: string;
  state: string;
  members: ConsumerGroupMember[];
}

export interface PartitionOffsets {
  partition: number;
  low: number;
  high: number;
  /** null when the group never committed. */
  committed: number | null;
}

export interface PartitionOffset {
  partition: number;
  offset: number;
}

export class ConsumerGroupOffsets {
  constructor(private readonly admin: Admin) {}

  async topicExists(topic: string): Promise<boolean> {
    return (await this.admin.listTopics()).includes(topic);
  }

  async describe(groupId: string): Promise<ConsumerGroupView> {
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

  async partitions(groupId: string, topic: string): Promise<PartitionOffsets[]> {
    const [watermarks, committed] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.committed(groupId, topic),
    ]);
    return watermarks
      .map((w) => ({
        partition: w.partition,
        low: Number(w.low),
        high: Number(w.high),
        committed: committed.get(w.partition) ?? null,
      }))
      .sort((a, b) => a.partition - b.partition);
  }

  /** The end of the partition when no record is that recent. */
  async offsetsAt(topic: string, timestamp: number): Promise<Map<number, number>> {
    const offsets = await this.admin.fetchTopicOffsetsByTimestamp(topic, timestamp);
    return new Map(offsets.map((o) => [o.partition, Number(o.offset)]));
  }

  /** A consumer joining meanwhile can keep partitions from moving: offsets are read back to prove it. */
  async moveEmptyGroup(groupId: string, topic: string, targets: readonly PartitionOffset[]): Promise<void> {
    const before = await this.describe(groupId);
    if (before.members.length > 0) {
      throw new ConsumerGroupActiveError(before, []);
    }
    const partitions = targets.map((t) => ({ partition: t.partition, offset: String(t.offset) }));
    try {
      await this.admin.setOffsets({ groupId, topic, partitions });
    } catch (error) {
      const now = await this.describe(groupId);
      if (now.members.length > 0) {
        throw new ConsumerGroupActiveError(now, await this.unmoved(groupId, topic, targets));
      }
      throw error;
    }
    const [after, unmoved] = await Promise.all([
      this.describe(groupId),
      this.unmoved(groupId, topic, targets),
    ]);
    if (after.members.length > 0 || unmoved.length > 0) {
      throw new ConsumerGroupActiveError(after, unmoved);
    }
  }

  private async unmoved(groupId: string, topic: string, targets: readonly PartitionOffset[]) {
    const committed = await this.committed(groupId, topic);
    return targets.filter((t) => committed.get(t.partition) !== t.offset).map((t) => t.partition);
  }

  private async committed(groupId: string, topic: string): Promise<Map<number, number>> {
    const [offsets] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    // kafkajs reports "no committed offset" as -1.
    return new Map(
      (offsets?.partitions ?? [])
        .map((p) => [p.partition, Number(p.offset)] as const)
        .filter(([, offset]) => offset >= 0),
    );
  }
}
