import { FifoQueue } from './fifo-queue';

/** What to do with a fetched offset, given what this partition already holds. */
export type OffsetVerdict = 'accept' | 'duplicate' | 'reset';

/**
 * Commit bookkeeping for one partition. Offsets are handled out of order, but the group only ever
 * learns the contiguous prefix of finished ones: the committed offset is the first offset still
 * unfinished (or, with nothing pending, the fetch position), so a crash never skips unfinished work.
 * Offsets are tracked as received, not as integers, because compaction and transaction markers leave
 * gaps in a partition's offsets.
 */
export class OffsetTracker {
  /** Received offsets not yet part of the finished prefix, in fetch order. */
  private readonly pending = new FifoQueue<bigint>();
  private readonly done = new Set<bigint>();
  /** First and last offsets ever accepted; undefined until the first accept. */
  private first: bigint | undefined;
  private last: bigint | undefined;
  /** Offset after the last fetched record, including records never handed to us (control records). */
  private fetchPosition: bigint | undefined;
  private committed: bigint | undefined;

  /** Number of accepted offsets not yet in the finished prefix. */
  get pendingCount(): number {
    return this.pending.size;
  }

  get lastCommitted(): bigint | undefined {
    return this.committed;
  }

  /**
   * Classifies a fetched offset. After a rejoin kafkajs fetches again from the group's committed offset:
   * offsets inside what we hold are duplicates; an offset before it (a rewind) or past it right after a
   * rejoin (someone else moved the group on) means our state is stale and must be reset. So does a first
   * fetch after a rejoin below the offset we committed ourselves: our own refetch starts at or after our
   * last successful commit, so a lower start means an operator moved the group back while we were out of
   * it (`ops replay`) and wants those records handled again, not dropped as duplicates.
   */
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

  /** Records that the fetch got past `offset` (a batch's last offset may be a filtered control record). */
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

  /** The offset to commit (the next one to consume), or undefined when it would not move forward. */
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
