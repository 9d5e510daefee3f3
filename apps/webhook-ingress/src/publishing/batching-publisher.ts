import { performance } from 'node:perf_hooks';
import { isTooLargeError, KafkaUnavailableError, RecordTooLargeError } from './publish.errors';
import { recordBytes, type OutgoingRecord, type RecordSink } from './record-sink';

export interface BatchingOptions {
  /** How long the first record reaching an idle publisher waits for company before it is sent. */
  readonly lingerMs: number;
  readonly maxBatchRecords: number;
  /** Keeps one produce request well under the broker's max.message.bytes; a bigger record goes alone. */
  readonly maxBatchBytes: number;
  /** Beyond this, new records are refused at once (answered 429) instead of growing memory. */
  readonly maxQueuedBytes: number;
  readonly onBatch?: (stats: BatchStats) => void;
}

export interface BatchStats {
  readonly topic: string;
  readonly records: number;
  readonly durationMs: number;
  readonly failed: boolean;
}

interface Pending {
  readonly topic: string;
  readonly record: OutgoingRecord;
  readonly bytes: number;
  readonly settle: (error?: Error) => void;
}

/**
 * Group commit in front of one idempotent producer: records wait while a send is in flight and then go out
 * together, so there is never more than one send per partition at a time (kafkajs' idempotent producer is
 * fragile with several) and throughput grows with load instead of one request per webhook.
 * publish() resolves only on the broker's ack. A record still queued at its deadline is withdrawn, so a
 * webhook answered 429 is not written behind the sender's back; one already sent may still land, which
 * at-least-once delivery allows (consumers de-duplicate on eventId).
 */
export class BatchingPublisher {
  private readonly queue = new Set<Pending>();
  private queuedBytes = 0;
  private sending = false;
  private closed = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: Pick<RecordSink, 'publishBatch'>,
    private readonly options: BatchingOptions,
  ) {}

  publish(topic: string, record: OutgoingRecord, deadlineMs: number): Promise<void> {
    const bytes = recordBytes(record);
    if (this.closed) {
      return Promise.reject(new KafkaUnavailableError('closed'));
    }
    if (this.queue.size > 0 && this.queuedBytes + bytes > this.options.maxQueuedBytes) {
      return Promise.reject(new KafkaUnavailableError('queue-full'));
    }
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const settle = (error?: Error): void => {
        if (!done) {
          done = true;
          clearTimeout(deadline);
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        }
      };
      const entry: Pending = { topic, record, bytes, settle };
      const deadline = setTimeout(() => {
        this.withdraw(entry);
        settle(new KafkaUnavailableError('deadline'));
      }, deadlineMs);
      this.queue.add(entry);
      this.queuedBytes += bytes;
      this.schedule();
    });
  }

  /** Refuses new records and waits (up to timeoutMs) for the queued and in-flight ones; true if all settled. */
  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    if (this.isIdle()) {
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => {
      this.idleWaiters.push(() => {
        resolve(true);
      });
    });
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
    });
    const drained = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    return drained;
  }

  private isIdle(): boolean {
    return !this.sending && this.queue.size === 0;
  }

  private withdraw(entry: Pending): void {
    if (this.queue.delete(entry)) {
      this.queuedBytes -= entry.bytes;
      this.notifyIfIdle();
    }
  }

  private schedule(): void {
    if (this.sending || this.queue.size === 0) {
      return;
    }
    const full =
      this.queue.size >= this.options.maxBatchRecords || this.queuedBytes >= this.options.maxBatchBytes;
    if (full || this.options.lingerMs === 0) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
      void this.sendNext();
    } else {
      this.lingerTimer ??= setTimeout(() => {
        this.lingerTimer = undefined;
        void this.sendNext();
      }, this.options.lingerMs);
    }
  }

  private async sendNext(): Promise<void> {
    if (this.sending || this.queue.size === 0) {
      return;
    }
    this.sending = true;
    const byTopic = new Map<string, Pending[]>();
    for (const entry of this.take()) {
      const group = byTopic.get(entry.topic);
      if (group) {
        group.push(entry);
      } else {
        byTopic.set(entry.topic, [entry]);
      }
    }
    // Different topics are different partitions, so their sends may overlap safely.
    await Promise.all([...byTopic].map(([topic, entries]) => this.send(topic, entries)));
    this.sending = false;
    // Whatever queued up meanwhile has waited long enough: send it now rather than lingering again.
    if (this.queue.size > 0) {
      void this.sendNext();
    } else {
      this.notifyIfIdle();
    }
  }

  private take(): Pending[] {
    const batch: Pending[] = [];
    let bytes = 0;
    for (const entry of this.queue) {
      const fits = batch.length === 0 || bytes + entry.bytes <= this.options.maxBatchBytes;
      if (batch.length >= this.options.maxBatchRecords || !fits) {
        break;
      }
      batch.push(entry);
      bytes += entry.bytes;
    }
    for (const entry of batch) {
      this.queue.delete(entry);
    }
    this.queuedBytes -= bytes;
    return batch;
  }

  private async send(topic: string, entries: Pending[]): Promise<void> {
    const started = performance.now();
    let failure: Error | undefined;
    try {
      await this.sink.publishBatch(
        topic,
        entries.map((entry) => entry.record),
      );
    } catch (error) {
      // Size is a property of one record; in a batch it says nothing about each member.
      const tooLarge = entries.length === 1 && isTooLargeError(error);
      failure = tooLarge
        ? new RecordTooLargeError({ cause: error })
        : new KafkaUnavailableError('failed', { cause: error });
    }
    for (const entry of entries) {
      entry.settle(failure);
    }
    const durationMs = performance.now() - started;
    this.options.onBatch?.({ topic, records: entries.length, durationMs, failed: failure !== undefined });
  }

  private notifyIfIdle(): void {
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((wake) => {
        wake();
      });
    }
  }
}
