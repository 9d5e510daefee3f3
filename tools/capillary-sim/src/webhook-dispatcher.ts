import { type SeededRandom } from './seeded-random';
import { type TiersMode, type WebhookEvent } from './webhook-payloads';
import { nextRetryInMs, retryAfterMs, retryScheduleOf } from './webhook-retry';
import { answerOf, compactDelivery, sendEvent } from './webhook-sender';
import { type WebhookDelivery, type WebhookFaults, type WebhookTarget } from './webhook.types';

interface Copy {
  event: WebhookEvent;
  copy: number;
}

/**
 * Like Capillary's ENS: asynchronously, at least once, and a connection stays with an event while it is
 * retried, so a failing event holds back later ones.
 */
export class WebhookDispatcher {
  private target?: WebhookTarget;
  private faults: WebhookFaults = {};
  private readonly log: WebhookDelivery[] = [];
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<AbortController>();
  private readonly queue: Copy[] = [];
  private buffer: Copy[] = [];
  private pending = 0;
  private active = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly random: () => SeededRandom) {}

  configure(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  get tiersMode(): TiersMode {
    return this.target?.tiersMode ?? 'array';
  }

  setFaults(faults: WebhookFaults): void {
    this.faults = { ...faults };
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d }));
  }

  clear(): void {
    this.log.length = 0;
  }

  dispatch(event: WebhookEvent): void {
    if (!this.target || this.stopped) {
      return;
    }
    const copies = this.random().chance(this.faults.duplicateRate) ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      this.pending++;
      const reorderMs = this.faults.reorderWindowMs ?? 0;
      if (reorderMs > 0) {
        this.hold({ event, copy }, reorderMs);
      } else {
        void this.wait(this.initialDelay()).then(() => {
          this.enqueue([{ event, copy }]);
        });
      }
    }
  }

  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach((wake, timer) => {
      clearTimeout(timer);
      wake();
    });
    this.timers.clear();
    this.inFlight.forEach((c) => {
      c.abort();
    });
    this.queue.length = 0;
    this.pending = 0;
    this.settle();
  }

  private hold(copy: Copy, windowMs: number): void {
    this.buffer.push(copy);
    if (this.buffer.length === 1) {
      void this.wait(windowMs).then(() => {
        const batch = this.buffer.reverse();
        this.buffer = [];
        this.enqueue(batch);
      });
    }
  }

  private initialDelay(): number {
    const delay = this.faults.delay;
    return delay ? delay.fixedMs + Math.floor(this.random().next() * (delay.jitterMs ?? 0)) : 0;
  }

  private enqueue(copies: Copy[]): void {
    if (this.halted()) {
      return;
    }
    this.queue.push(...copies);
    this.pump();
  }

  private pump(): void {
    const max = Math.max(1, this.target?.maxConnections ?? 1);
    while (!this.halted() && this.active < max) {
      const next = this.queue.shift();
      if (!next) {
        return;
      }
      this.active++;
      void this.deliver(next).finally(() => {
        this.active--;
        this.finish();
        this.pump();
      });
    }
  }

  private async deliver(copy: Copy): Promise<void> {
    const firstAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      const target = this.target;
      if (!target || this.halted()) {
        return;
      }
      const { status, error, retryAfter } = await sendEvent(target, copy.event, this.inFlight);
      if (this.halted()) {
        return;
      }
      const at = Date.now();
      const answer = answerOf(status);
      const retryInMs =
        answer === 'retryable'
          ? nextRetryInMs(retryScheduleOf(target), attempt, at - firstAt, retryAfterMs(retryAfter, at))
          : undefined;
      const outcome = answer === 'retryable' ? (retryInMs === undefined ? 'gave-up' : 'retrying') : answer;
      this.log.push(
        compactDelivery({
          eventId: copy.event.eventId,
          eventName: copy.event.eventName,
          copy: copy.copy,
          attempt,
          outcome,
          status,
          error,
          retryAfter,
          retryInMs,
          at,
        }),
      );
      if (retryInMs === undefined) {
        return;
      }
      await this.wait(retryInMs);
    }
  }

  /** stop() resolves it, so nothing waits forever. */
  private wait(ms: number): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  /** stop() may run while a delivery awaits; a method call keeps the check from being narrowed away. */
  private halted(): boolean {
    return this.stopped;
  }

  private finish(): void {
    this.pending = Math.max(0, this.pending - 1);
    this.settle();
  }

  private settle(): void {
    if (this.pending === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => {
        w();
      });
    }
  }
}
