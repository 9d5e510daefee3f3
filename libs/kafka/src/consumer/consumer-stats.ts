import { type KeyedConsumerMetrics } from './keyed-consumer.options';

type Live = Pick<
  KeyedConsumerMetrics,
  'inFlight' | 'queued' | 'delayedKeys' | 'readAhead' | 'pausedPartitions' | 'partitions'
>;

export class ConsumerStats {
  private handled = 0;
  private failed = 0;
  private retried = 0;
  private deadLettered = 0;
  private skipped = 0;
  private abandoned = 0;
  private rebalances = 0;
  private maxObservedInFlight = 0;
  private maxObservedBuffered = 0;

  accepted(buffered: number): void {
    this.maxObservedBuffered = Math.max(this.maxObservedBuffered, buffered);
  }

  observeInFlight(inFlight: number): void {
    this.maxObservedInFlight = Math.max(this.maxObservedInFlight, inFlight);
  }

  settled(kind: 'handled' | 'skipped' | 'dead-lettered'): void {
    switch (kind) {
      case 'handled':
        this.handled++;
        break;
      case 'skipped':
        this.skipped++;
        break;
      case 'dead-lettered':
        this.deadLettered++;
        break;
    }
  }

  failedAttempt(willRetry: boolean): void {
    this.failed++;
    this.retried += willRetry ? 1 : 0;
  }

  abandon(count: number): void {
    this.abandoned += count;
  }

  rebalanced(): void {
    this.rebalances++;
  }

  snapshot(live: Live): KeyedConsumerMetrics {
    return {
      ...live,
      buffered: live.inFlight + live.queued,
      maxObservedInFlight: this.maxObservedInFlight,
      maxObservedBuffered: this.maxObservedBuffered,
      handled: this.handled,
      failed: this.failed,
      retried: this.retried,
      deadLettered: this.deadLettered,
      skipped: this.skipped,
      abandoned: this.abandoned,
      rebalances: this.rebalances,
    };
  }
}
