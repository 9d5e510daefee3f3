import { type ConsumerEvents } from './consumer-events';
import { type ConsumerStats } from './consumer-stats';
import {
  type ErrorDecision,
  type KeyedConsumerLogger,
  type KeyedConsumerOptions,
  type RetryOptions,
} from './keyed-consumer.options';
import { describe, type MessageWork, type WorkEnvironment, type WorkOutcome } from './message-work';
import { type PartitionIntake } from './partition-intake';

export class WorkReporter {
  constructor(
    private readonly intake: PartitionIntake,
    private readonly stats: ConsumerStats,
    private readonly events: ConsumerEvents,
    private readonly log: KeyedConsumerLogger,
    private readonly maxAttempts: number,
  ) {}

  settle(work: MessageWork, outcome: WorkOutcome): void {
    if (outcome.kind === 'abandoned' || !this.intake.finish(work.message, work.group)) {
      this.stats.abandon(1);
      return;
    }
    this.stats.settled(outcome.kind);
    const { message } = work;
    switch (outcome.kind) {
      case 'handled':
        this.events.emit({
          type: 'handled',
          message,
          attempt: outcome.attempt,
          durationMs: outcome.durationMs,
        });
        break;
      case 'skipped':
        this.events.emit({ type: 'skipped', message, error: outcome.error });
        break;
      case 'dead-lettered':
        this.events.emit({ type: 'dead-lettered', message, reason: outcome.reason });
        break;
    }
  }

  failed(work: MessageWork, error: unknown, decision: ErrorDecision | 'dead-letter-failed'): void {
    const { message } = work;
    if (decision === 'dead-letter-failed') {
      this.log.error('Dead-letter handler failed; will call it again', {
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        error: describe(error),
      });
      this.events.emit({ type: 'dead-letter-failed', message, error });
      return;
    }
    this.stats.failedAttempt(decision === 'retry' && work.attempt < this.maxAttempts);
    this.events.emit({ type: 'failed', message, attempt: work.attempt, error, decision });
  }
}

export function workEnvironment(
  options: KeyedConsumerOptions,
  retry: RetryOptions,
  reporter: () => WorkReporter,
): WorkEnvironment {
  return {
    handler: options.handler,
    onError: options.onError ?? (() => 'retry'),
    onDeadLetter: options.onDeadLetter,
    retry,
    now: Date.now,
    random: Math.random,
    settle: (work, outcome) => {
      reporter().settle(work, outcome);
    },
    failed: (work, error, decision) => {
      reporter().failed(work, error, decision);
    },
  };
}
