import { type EachBatchPayload } from 'kafkajs';
import { type ConsumerStats } from './consumer-stats';
import { type FetchGate } from './fetch-gate';
import { type KeyScheduler, type ScheduledWork } from './key-scheduler';
import { type TopicPartitionList } from './keyed-consumer.options';
import { type KeyedMessage, toKeyedMessage } from './keyed-message';
import { partitionId, PartitionState } from './partition-state';

export interface IntakeSettings {
  maxBuffered: number;
  maxUncommittedPerPartition: number;
  orderingKey: ((message: KeyedMessage) => string | null) | undefined;
  work: (key: string, group: string, message: KeyedMessage) => ScheduledWork;
  fetching: (topic: string, partition: number, paused: boolean) => void;
}

export class PartitionIntake {
  private readonly partitions = new Map<string, PartitionState>();
  private readonly waiting = new Set<PartitionState>();
  private epoch = 0;
  private refilling = false;

  constructor(
    private readonly scheduler: KeyScheduler,
    private readonly gate: FetchGate,
    private readonly stats: ConsumerStats,
    private readonly settings: IntakeSettings,
  ) {}

  held(): IterableIterator<PartitionState> {
    return this.partitions.values();
  }

  get readAheadSize(): number {
    let size = 0;
    this.waiting.forEach((state) => (size += state.readAhead.size));
    return size;
  }

  accept(payload: EachBatchPayload): void {
    const { batch } = payload;
    const last = batch.messages[batch.messages.length - 1];
    if (!last) {
      return;
    }
    const state =
      this.partitions.get(partitionId(batch.topic, batch.partition)) ??
      this.track(batch.topic, batch.partition);
    state.highWatermark = batch.highWatermark;
    state.readAhead.add(batch.messages, batch.lastOffset());
    // kafkajs fetches on from here; whatever stays in the read-ahead pauses the partition instead.
    payload.resolveOffset(last.offset);
    this.waiting.add(state);
    this.refill();
  }

  refill(): void {
    if (this.refilling || this.waiting.size === 0) {
      return;
    }
    this.refilling = true;
    try {
      for (const state of [...this.waiting]) {
        this.waiting.delete(state);
        const current = this.drain(state);
        if (current.readAhead.size > 0) {
          this.waiting.add(current);
          if (this.gate.pause(current.topic, current.partition)) {
            this.settings.fetching(current.topic, current.partition, true);
          }
        } else if (this.gate.resume(current.topic, current.partition)) {
          this.settings.fetching(current.topic, current.partition, false);
        }
      }
    } finally {
      this.refilling = false;
    }
  }

  assign(assignment: Record<string, number[]>): {
    assigned: TopicPartitionList;
    revoked: TopicPartitionList;
  } {
    const assigned = Object.entries(assignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    const keep = new Set(assigned.map(({ topic, partition }) => partitionId(topic, partition)));
    const revoked: TopicPartitionList = [];
    for (const [id, state] of [...this.partitions]) {
      if (keep.has(id)) {
        // kafkajs fetches again from the committed offset, so the read-ahead would only duplicate it.
        state.afterRejoin = true;
        state.readAhead.clear();
        this.waiting.delete(state);
        this.gate.resume(state.topic, state.partition);
      } else {
        revoked.push({ topic: state.topic, partition: state.partition });
        this.release(state, 'partition revoked');
      }
    }
    return { assigned, revoked };
  }

  finish(message: KeyedMessage, group: string): boolean {
    const state = this.partitions.get(partitionId(message.topic, message.partition));
    if (state?.group !== group) {
      return false;
    }
    state.tracker.complete(BigInt(message.offset));
    return true;
  }

  dropReadAheads(): void {
    this.waiting.clear();
    for (const state of this.partitions.values()) {
      state.readAhead.clear();
    }
  }

  abandonAll(reason: string): void {
    this.dropReadAheads();
    for (const state of this.partitions.values()) {
      state.abandon(reason);
    }
  }

  private drain(state: PartitionState): PartitionState {
    for (let message = state.readAhead.peek(); message; message = state.readAhead.peek()) {
      const offset = BigInt(message.offset);
      const verdict = state.tracker.classify(offset, state.afterRejoin);
      state.afterRejoin = false;
      if (verdict === 'reset') {
        const fresh = this.track(state.topic, state.partition);
        fresh.highWatermark = state.highWatermark;
        fresh.readAhead.takeFrom(state.readAhead);
        this.release(state, 'partition state went stale after a rejoin or rewind');
        return this.drain(fresh);
      }
      if (verdict === 'accept') {
        const full = this.scheduler.running + this.scheduler.queued >= this.settings.maxBuffered;
        if (full || state.tracker.pendingCount >= this.settings.maxUncommittedPerPartition) {
          return state;
        }
        this.enqueue(state, message, offset);
      }
      state.readAhead.drop();
    }
    const through = state.readAhead.drainedThrough;
    if (through !== undefined) {
      state.tracker.fetchedThrough(through);
    }
    return state;
  }

  private enqueue(
    state: PartitionState,
    message: Parameters<typeof toKeyedMessage>[2],
    offset: bigint,
  ): void {
    state.tracker.accept(offset);
    const keyed = toKeyedMessage(state.topic, state.partition, message, state.controller.signal);
    const { orderingKey } = this.settings;
    const ordering = orderingKey
      ? orderingKey(keyed)
      : keyed.key === null
        ? null
        : `${state.topic}\u0000${state.partition}\u0000${keyed.key}`;
    const key = ordering ?? `\u0001${state.group}@${keyed.offset}`;
    this.stats.accepted(this.scheduler.running + this.scheduler.queued + 1);
    this.scheduler.enqueue(this.settings.work(key, state.group, keyed));
  }

  private track(topic: string, partition: number): PartitionState {
    const state = new PartitionState(topic, partition, ++this.epoch);
    this.partitions.set(partitionId(topic, partition), state);
    return state;
  }

  private release(state: PartitionState, reason: string): void {
    state.abandon(reason);
    state.readAhead.clear();
    this.waiting.delete(state);
    this.stats.abandon(this.scheduler.dropGroup(state.group));
    if (this.partitions.get(partitionId(state.topic, state.partition)) === state) {
      this.partitions.delete(partitionId(state.topic, state.partition));
      this.gate.resume(state.topic, state.partition);
    }
  }
}
