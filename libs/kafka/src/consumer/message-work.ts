import { type ScheduledWork } from './key-scheduler';
import {
  type DeadLetterHandler,
  type ErrorDecision,
  type ErrorPolicy,
  type RetryOptions,
} from './keyed-consumer.options';
import { type KeyedMessage } from './keyed-message';

export type WorkOutcome =
  | { kind: 'handled'; attempt: number; durationMs: number }
  | { kind: 'skipped'; error: unknown }
  | { kind: 'dead-lettered'; reason: string }
  | { kind: 'abandoned' };

export interface WorkEnvironment {
  handler: (message: KeyedMessage) => Promise<void>;
  onError: ErrorPolicy;
  onDeadLetter: DeadLetterHandler;
  retry: RetryOptions;
  settle: (work: MessageWork, outcome: WorkOutcome) => void;
  failed: (work: MessageWork, error: unknown, decision: ErrorDecision | 'dead-letter-failed') => void;
  now: () => number;
  random: () => number;
}

/** Jitter keeps retries of many keys failing together from hitting the dependency at the same instant. */
export function backoffMs(attempt: number, retry: RetryOptions, random: () => number): number {
  const base = Math.min(retry.maxBackoffMs, retry.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(base * (0.5 + random() * 0.5)));
}

/** A retry waits by re-scheduling itself, so its key stays blocked but no slot is held. */
export class MessageWork implements ScheduledWork {
  readyAt: number;
  attempt = 0;
  private deadLetter: { reason: string; error: unknown; calls: number } | undefined;

  constructor(
    readonly key: string,
    readonly group: string,
    readonly message: KeyedMessage,
    private readonly env: WorkEnvironment,
  ) {
    this.readyAt = message.notBefore;
  }

  async run(): Promise<boolean> {
    if (this.message.signal.aborted) {
      return this.settle({ kind: 'abandoned' });
    }
    if (this.deadLetter) {
      return this.sendToDeadLetter(this.deadLetter);
    }
    this.attempt++;
    const started = this.env.now();
    try {
      await this.env.handler(this.message);
    } catch (error) {
      return this.handleFailure(error);
    }
    return this.settle({ kind: 'handled', attempt: this.attempt, durationMs: this.env.now() - started });
  }

  private async handleFailure(error: unknown): Promise<boolean> {
    if (this.message.signal.aborted) {
      return this.settle({ kind: 'abandoned' });
    }
    const decision = await this.decide(error);
    this.env.failed(this, error, decision);
    if (decision === 'skip') {
      return this.settle({ kind: 'skipped', error });
    }
    if (decision === 'retry' && this.attempt < this.env.retry.maxAttempts) {
      this.readyAt = this.env.now() + backoffMs(this.attempt, this.env.retry, this.env.random);
      return false;
    }
    const reason =
      decision === 'retry' ? `failed ${this.attempt} attempts: ${describe(error)}` : decision.deadLetter;
    this.deadLetter = { reason, error, calls: 0 };
    return this.sendToDeadLetter(this.deadLetter);
  }

  private async decide(error: unknown): Promise<ErrorDecision> {
    try {
      return await this.env.onError(error, this.message, this.attempt);
    } catch (policyError) {
      return { deadLetter: `error policy threw (${describe(policyError)}) for: ${describe(error)}` };
    }
  }

  private async sendToDeadLetter(deadLetter: {
    reason: string;
    error: unknown;
    calls: number;
  }): Promise<boolean> {
    deadLetter.calls++;
    try {
      await this.env.onDeadLetter(this.message, deadLetter.reason, deadLetter.error);
    } catch (error) {
      if (this.message.signal.aborted) {
        return this.settle({ kind: 'abandoned' });
      }
      this.env.failed(this, error, 'dead-letter-failed');
      this.readyAt = this.env.now() + backoffMs(deadLetter.calls, this.env.retry, this.env.random);
      return false;
    }
    return this.settle({ kind: 'dead-lettered', reason: deadLetter.reason });
  }

  private settle(outcome: WorkOutcome): boolean {
    this.env.settle(
      this,
      outcome.kind !== 'abandoned' && this.message.signal.aborted ? { kind: 'abandoned' } : outcome,
    );
    return true;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
