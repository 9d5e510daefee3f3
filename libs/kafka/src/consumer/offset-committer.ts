import { type Consumer } from 'kafkajs';
import { type TopicPartitionOffset } from './keyed-consumer.options';
import { type PartitionState } from './partition-state';

interface CommitListener {
  committed(offsets: TopicPartitionOffset[]): void;
  failed(error: unknown): void;
}

/** A partition revoked while its commit was in flight was ours when its offsets were read, so it stands. */
export class OffsetCommitter {
  private timer: NodeJS.Timeout | undefined;
  private last: Promise<void> = Promise.resolve();
  private confirmed = 0;

  constructor(
    private readonly consumer: Consumer,
    private readonly partitions: () => Iterable<PartitionState>,
    private readonly listener: CommitListener,
  ) {
    // kafkajs resolves commitOffsets() without committing while its runner is down (restarting after a
    // crash); only this event proves the broker took the commit. Nothing else commits (autoCommit off).
    consumer.on(consumer.events.COMMIT_OFFSETS, () => {
      this.confirmed++;
    });
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.commit().catch((error: unknown) => {
        this.listener.failed(error);
      });
    }, intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  commit(): Promise<void> {
    const next = this.last.then(() => this.commitNow());
    this.last = next.catch(() => undefined);
    return next;
  }

  private async commitNow(): Promise<void> {
    const due = [...this.partitions()].flatMap((state) => {
      const offset = state.tracker.committable();
      return offset === undefined ? [] : [{ state, offset }];
    });
    if (due.length === 0) {
      return;
    }
    const offsets = due.map(({ state, offset }) => ({
      topic: state.topic,
      partition: state.partition,
      offset: offset.toString(),
    }));
    const before = this.confirmed;
    await this.consumer.commitOffsets(offsets);
    if (this.confirmed === before) {
      throw new Error('kafkajs skipped the commit: its consumer is not running (restarting?)');
    }
    for (const { state, offset } of due) {
      state.tracker.markCommitted(offset);
    }
    this.listener.committed(offsets);
  }
}
