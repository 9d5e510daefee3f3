import { type Consumer } from 'kafkajs';
import { type KeyedConsumerLogger } from './keyed-consumer.options';
import { describe } from './message-work';
import { partitionId } from './partition-state';

/** Pausing per partition bounds memory without ever blocking in eachBatch, which would stop heartbeats. */
export class FetchGate {
  private readonly paused = new Set<string>();
  private stopped = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly topics: string[],
    private readonly log: KeyedConsumerLogger,
  ) {}

  get pausedPartitions(): number {
    return this.paused.size;
  }

  pause(topic: string, partition: number): boolean {
    const id = partitionId(topic, partition);
    if (this.paused.has(id) || this.stopped) {
      return false;
    }
    this.paused.add(id);
    this.call('pause', [{ topic, partitions: [partition] }]);
    return true;
  }

  resume(topic: string, partition: number): boolean {
    if (!this.paused.delete(partitionId(topic, partition)) || this.stopped) {
      return false;
    }
    this.call('resume', [{ topic, partitions: [partition] }]);
    return true;
  }

  stopAll(): void {
    this.stopped = true;
    this.call(
      'pause',
      this.topics.map((topic) => ({ topic })),
    );
  }

  private call(action: 'pause' | 'resume', topics: { topic: string; partitions?: number[] }[]): void {
    try {
      this.consumer[action](topics);
    } catch (error) {
      // Only fails while kafkajs restarts after a crash, which resets pauses anyway.
      this.log.warn(`Could not ${action} fetching`, { error: describe(error) });
    }
  }
}
