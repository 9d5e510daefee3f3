export interface PartitionOffsetAt {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export type PartitionEnds = readonly PartitionOffsetAt[];

interface Waiter {
  readonly ends: PartitionEnds;
  readonly idleMs: number | undefined;
  settle(result: boolean | Error): void;
  armIdle(): void;
}

/** The next offset to read per partition, and the callers waiting for it to pass given end offsets. */
export class FollowerPositions {
  private readonly next = new Map<string, Map<number, number>>();
  private readonly waiters = new Set<Waiter>();
  private failure: Error | undefined;

  begin(topic: string, starts: ReadonlyMap<number, number>): void {
    this.next.set(topic, new Map(starts));
  }

  /** False for a record below the position: a fetch after a rejoin may deliver it again. */
  accept(topic: string, partition: number, offset: string): boolean {
    const at = Number(offset);
    if (at < this.position(topic, partition)) {
      return false;
    }
    this.advance(topic, partition, at + 1);
    return true;
  }

  /** lastOffset is undefined for a batch that says nothing about what was read. */
  batchEnded(topic: string, partition: number, lastOffset: string | undefined): void {
    if (lastOffset !== undefined) {
      this.advance(topic, partition, Math.max(this.position(topic, partition), Number(lastOffset) + 1));
    }
    for (const waiter of this.waiters) {
      waiter.armIdle();
      if (this.reached(waiter.ends)) {
        waiter.settle(true);
      }
    }
  }

  all(): PartitionOffsetAt[] {
    return [...this.next].flatMap(([topic, partitions]) =>
      [...partitions].map(([partition, offset]) => ({ topic, partition, offset })),
    );
  }

  /** Resolves false after timeoutMs; rejects when no batch arrives for idleMs, or on fail(). */
  waitFor(ends: PartitionEnds, timeoutMs: number | undefined, idleMs?: number): Promise<boolean> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    if (this.reached(ends)) {
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve, reject) => {
      let idle: NodeJS.Timeout | undefined;
      const deadline =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              waiter.settle(false);
            }, timeoutMs);
      const waiter: Waiter = {
        ends,
        idleMs,
        settle: (result) => {
          clearTimeout(deadline);
          clearTimeout(idle);
          this.waiters.delete(waiter);
          if (result instanceof Error) {
            reject(result);
          } else {
            resolve(result);
          }
        },
        armIdle: () => {
          if (idleMs === undefined) {
            return;
          }
          clearTimeout(idle);
          idle = setTimeout(() => {
            waiter.settle(this.stalled(ends, idleMs));
          }, idleMs);
        },
      };
      this.waiters.add(waiter);
      waiter.armIdle();
    });
  }

  fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters) {
      waiter.settle(error);
    }
  }

  private stalled(ends: PartitionEnds, idleMs: number): Error {
    const behind = ends
      .filter((end) => this.position(end.topic, end.partition) < end.offset)
      .map((end) => `${end.topic}[${end.partition}]`);
    return new Error(`no batch for ${idleMs} ms; not read to the end: ${behind.join(', ')}`);
  }

  private reached(ends: PartitionEnds): boolean {
    return ends.every((end) => this.position(end.topic, end.partition) >= end.offset);
  }

  private position(topic: string, partition: number): number {
    return this.next.get(topic)?.get(partition) ?? 0;
  }

  private advance(topic: string, partition: number, offset: number): void {
    let partitions = this.next.get(topic);
    if (!partitions) {
      partitions = new Map();
      this.next.set(topic, partitions);
    }
    partitions.set(partition, offset);
  }
}
