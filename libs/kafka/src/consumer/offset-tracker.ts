import { FifoQueue } from './fifo-queue';

export type OffsetVerdict = 'accept' | 'duplicate' | 'reset';

/** Offsets are tracked as received, not counted, because compaction and transaction markers leave gaps. */
export class OffsetTracker {
  private readonly pending = new FifoQueue<bigint>();
  private readonly done = new Set<bigint>();
  private first: bigint | undefined;
  private last: bigint | undefined;
  /** Includes control records kafkajs never hands over. */
  private fetchPosition: bigint | undefined;
  private committed: bigint | undefined;

  get pendingCount(): number {
    return this.pending.size;
  }

  get lastCommitted(): bigint | undefined {
    return this.committed;
  }

  /** A refetch below our own last commit is an operator's replay: handle again, not drop as duplicates. */
  classify(offset: bigint, afterRejoin: boolean): OffsetVerdict {
    if (this.first === undefined || this.last === undefined) {
      return 'accept';
    }
    if (offset < this.first || (afterRejoin && this.committed !== undefined && offset < this.committed)) {
      return 'reset';
    }
    if (offset <= this.last) {
      return 'duplicate';
    }
    return afterRejoin && this.pendingCount > 0 ? 'reset' : 'accept';
  }

  accept(offset: bigint): void {
    if (this.last !== undefined && offset <= this.last) {
      throw new Error(`Offset ${offset} accepted after ${this.last}: offsets must grow`);
    }
    this.first ??= offset;
    this.last = offset;
    this.pending.push(offset);
    this.fetchPosition = offset + 1n;
  }

  fetchedThrough(offset: bigint): void {
    if (this.fetchPosition === undefined || offset + 1n > this.fetchPosition) {
      this.fetchPosition = offset + 1n;
    }
  }

  complete(offset: bigint): void {
    this.done.add(offset);
    for (
      let next = this.pending.peek();
      next !== undefined && this.done.delete(next);
      next = this.pending.peek()
    ) {
      this.pending.shift();
    }
  }

  committable(): bigint | undefined {
    const next = this.pending.peek() ?? this.fetchPosition;
    if (next === undefined || (this.committed !== undefined && next <= this.committed)) {
      return undefined;
    }
    return next;
  }

  markCommitted(offset: bigint): void {
    if (this.committed === undefined || offset > this.committed) {
      this.committed = offset;
    }
  }
}
