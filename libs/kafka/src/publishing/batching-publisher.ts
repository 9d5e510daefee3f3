import { performance } from 'node:perf_hooks';
import { type MessageHeaders } from '../event-publisher';
import { isTooLargeError, KafkaUnavailableError, RecordTooLargeError } from './publish.errors';
import { encodeValue, type OutgoingRecord, type RecordPublisher } from './record-publisher';

export interface EncodedRecord {
  readonly key: string;
  readonly value: string | Buffer | null;
  readonly headers: MessageHeaders;
}

export interface BatchProducer {
  readonly isConnected: boolean;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  publishBatch(topic: string, records: EncodedRecord[]): Promise<unknown>;
}

export interface BatchingOptions {
  readonly lingerMs?: number;
  readonly maxBatchRecords: number;
  /** Keeps one produce request under the broker's max.message.bytes; a bigger record goes alone. */
  readonly maxBatchBytes?: number;
  readonly maxQueuedBytes?: number;
  /** Safe for the idempotent producer: different topics are different partitions. */
  readonly topicsInParallel?: boolean;
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
  readonly record: EncodedRecord;
  readonly bytes: number;
  readonly settle: (error?: Error) => void;
}

/** Group commit: one send per partition at a time, as kafkajs' idempotent producer is fragile with more. */
export class BatchingPublisher implements RecordPublisher {
  private readonly queue = new Set<Pending>();
  private readonly lingerMs: number;
  private readonly maxBatchBytes: number;
  private readonly maxQueuedBytes: number;
  private queuedBytes = 0;
  private sending = false;
  private closed = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly producer: BatchProducer,
    private readonly options: BatchingOptions,
  ) {
    this.lingerMs = options.lingerMs ?? 0;
    this.maxBatchBytes = options.maxBatchBytes ?? Infinity;
    this.maxQueuedBytes = options.maxQueuedBytes ?? Infinity;
  }

  get isConnected(): boolean {
    return this.producer.isConnected;
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  publish(topic: string, record: OutgoingRecord, deadlineMs?: number): Promise<void> {
    const encoded = { key: record.key, value: encodeValue(record.value), headers: record.headers ?? {} };
    const bytes = recordBytes(encoded);
    if (this.closed) {
      return Promise.reject(new KafkaUnavailableError('closed'));
    }
    if (this.queue.size > 0 && this.queuedBytes + bytes > this.maxQueuedBytes) {
      return Promise.reject(new KafkaUnavailableError('queue-full'));
    }
    return new Promise<void>((resolve, reject) => {
      let done = false;
      let deadline: NodeJS.Timeout | undefined;
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
      const entry: Pending = { topic, record: encoded, bytes, settle };
      if (deadlineMs !== undefined) {
        deadline = setTimeout(() => {
          this.withdraw(entry);
          settle(new KafkaUnavailableError('deadline'));
        }, deadlineMs);
      }
      this.queue.add(entry);
      this.queuedBytes += bytes;
      this.schedule();
    });
  }

  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    const drained = await this.drained(timeoutMs);
    await this.producer.disconnect();
    return drained;
  }

  private async drained(timeoutMs: number): Promise<boolean> {
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
    const full = this.queue.size >= this.options.maxBatchRecords || this.queuedBytes >= this.maxBatchBytes;
    if (full || this.lingerMs === 0) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
      void this.sendNext();
    } else {
      this.lingerTimer ??= setTimeout(() => {
        this.lingerTimer = undefined;
        void this.sendNext();
      }, this.lingerMs);
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
    if (this.options.topicsInParallel === true) {
      await Promise.all([...byTopic].map(([topic, entries]) => this.send(topic, entries)));
    } else {
      for (const [topic, entries] of byTopic) {
        await this.send(topic, entries);
      }
    }
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
      const fits = batch.length === 0 || bytes + entry.bytes <= this.maxBatchBytes;
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
      await this.producer.publishBatch(
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

function recordBytes(record: EncodedRecord): number {
  let bytes = Buffer.byteLength(record.key) + Buffer.byteLength(record.value ?? '');
  for (const [name, value] of Object.entries(record.headers)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  return bytes;
}
