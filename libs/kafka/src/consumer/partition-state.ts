import { setMaxListeners } from 'node:events';
import { type PartitionMetrics } from './keyed-consumer.options';
import { OffsetTracker } from './offset-tracker';
import { ReadAhead } from './read-ahead';

/** Replaced by a new instance when revoked or stale, so late results of the old one can be ignored. */
export class PartitionState {
  readonly tracker = new OffsetTracker();
  readonly readAhead = new ReadAhead();
  readonly controller = new AbortController();
  readonly group: string;
  highWatermark: string | undefined;
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
