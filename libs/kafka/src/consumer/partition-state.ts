import { setMaxListeners } from 'node:events';
import { type PartitionMetrics } from './keyed-consumer.options';
import { OffsetTracker } from './offset-tracker';
import { ReadAhead } from './read-ahead';

/**
 * One assigned partition as this consumer holds it. A new instance replaces it whenever the partition
 * is revoked or its state turns stale, so late results of the old one are recognised and ignored.
 */
export class PartitionState {
  readonly tracker = new OffsetTracker();
  readonly readAhead = new ReadAhead();
  /** Aborted when the partition is given up; every message of it carries this signal. */
  readonly controller = new AbortController();
  /** The scheduler group of this instance's messages. */
  readonly group: string;
  highWatermark: string | undefined;
  /** Set by a rejoin: the next fetch starts at the group's committed offset, to be checked once. */
  afterRejoin = false;

  constructor(
    readonly topic: string,
    readonly partition: number,
    epoch: number,
  ) {
    this.group = `${topic}:${partition}#${epoch}`;
    // Every in-flight message of the partition may listen (an HTTP client per request): no leak warning.
    setMaxListeners(0, this.controller.signal);
  }

  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  abandon(reason: string): void {
    this.controller.abort(new Error(reason));
  }

  metrics(): PartitionMetrics {
    const committed = this.tracker.lastCommitted;
    const hw = this.highWatermark === undefined ? undefined : BigInt(this.highWatermark);
    return {
      topic: this.topic,
      partition: this.partition,
      pending: this.tracker.pendingCount,
      readAhead: this.readAhead.size,
      committedOffset: committed?.toString(),
      highWatermark: this.highWatermark,
      lag: hw !== undefined && committed !== undefined ? Number(hw - committed) : undefined,
    };
  }
}

export function partitionId(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
