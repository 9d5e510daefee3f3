import { type Consumer, type Kafka } from 'kafkajs';
import { consoleLogger, ConsumerEvents } from './consumer-events';
import { ConsumerStats } from './consumer-stats';
import { FetchGate } from './fetch-gate';
import { KeyScheduler } from './key-scheduler';
import {
  type KeyedConsumerEvent,
  type KeyedConsumerLogger,
  type KeyedConsumerMetrics,
  type KeyedConsumerOptions,
  type RetryOptions,
  type StopOptions,
  type StopResult,
} from './keyed-consumer.options';
import { describe, MessageWork } from './message-work';
import { OffsetCommitter } from './offset-committer';
import { PartitionIntake } from './partition-intake';
import { workEnvironment, WorkReporter } from './work-reporter';

const FINAL_COMMIT_ATTEMPTS = 5;
const DEFAULT_RETRY: RetryOptions = { maxAttempts: 3, initialBackoffMs: 200, maxBackoffMs: 10_000 };

/** Parallel Consumer's KEY order mode; eachBatch only hands over, so heartbeats outlive slow handlers. */
export class KeyedConsumer {
  private readonly consumer: Consumer;
  private readonly scheduler: KeyScheduler;
  private readonly committer: OffsetCommitter;
  private readonly stats = new ConsumerStats();
  private readonly intake: PartitionIntake;
  private readonly events: ConsumerEvents;
  private readonly reporter: WorkReporter;
  private readonly maxBuffered: number;
  private readonly log: KeyedConsumerLogger;
  private readonly gate: FetchGate;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private stopping: Promise<StopResult> | undefined;

  constructor(
    kafka: Kafka,
    private readonly options: KeyedConsumerOptions,
  ) {
    const maxInFlight = options.maxInFlight ?? 64;
    this.maxBuffered = options.maxBuffered ?? maxInFlight * 8;
    if (this.maxBuffered < maxInFlight) {
      throw new RangeError(`maxBuffered (${this.maxBuffered}) must be at least maxInFlight (${maxInFlight})`);
    }
    this.log = options.logger ?? consoleLogger;
    this.events = new ConsumerEvents(this.log);
    this.consumer = kafka.consumer({
      ...options.consumerConfig,
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? options.consumerConfig?.sessionTimeout ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? options.consumerConfig?.heartbeatInterval ?? 3_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 100,
    });
    this.gate = new FetchGate(this.consumer, options.topics, this.log);
    this.scheduler = new KeyScheduler(maxInFlight, () => {
      this.applyBackPressure();
    });
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const env = workEnvironment(options, retry, () => this.reporter);
    this.intake = new PartitionIntake(this.scheduler, this.gate, this.stats, {
      maxBuffered: this.maxBuffered,
      maxUncommittedPerPartition: options.maxUncommittedPerPartition ?? 10_000,
      orderingKey: options.orderingKey,
      work: (key, group, message) => new MessageWork(key, group, message, env),
      fetching: (topic, partition, paused) => {
        this.events.emit({ type: paused ? 'paused' : 'resumed', topic, partition });
      },
    });
    this.reporter = new WorkReporter(this.intake, this.stats, this.events, this.log, retry.maxAttempts);
    this.committer = new OffsetCommitter(this.consumer, () => this.intake.held(), {
      committed: (offsets) => {
        this.events.emit({ type: 'committed', offsets });
      },
      failed: (error) => {
        this.log.warn('Offset commit failed; retrying on the next interval', { error: describe(error) });
        this.events.emit({ type: 'commit-failed', error });
      },
    });
  }

  async start(): Promise<void> {
    if (this.state !== 'new') {
      throw new Error(`KeyedConsumer cannot start from state ${this.state}`);
    }
    this.state = 'running';
    const { GROUP_JOIN, CRASH, REBALANCING } = this.consumer.events;
    this.consumer.on(REBALANCING, () => {
      // Every partition may be moving: start nothing until the new assignment is known.
      this.scheduler.hold();
    });
    this.consumer.on(GROUP_JOIN, (event) => {
      const { assigned, revoked } = this.intake.assign(event.payload.memberAssignment);
      this.stats.rebalanced();
      this.scheduler.release();
      this.events.emit({ type: 'assigned', assigned, revoked });
    });
    this.consumer.on(CRASH, (event) => {
      this.log.error('kafkajs consumer crashed', { error: describe(event.payload.error) });
      this.events.emit({ type: 'crashed', error: event.payload.error });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? false,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => {
        if (this.state === 'running' && payload.isRunning() && !payload.isStale()) {
          this.intake.accept(payload);
        }
        return Promise.resolve();
      },
    });
    this.committer.start(this.options.commitIntervalMs ?? 1_000);
  }

  stop(options: StopOptions = {}): Promise<StopResult> {
    if (this.state === 'new') {
      return Promise.resolve({ drained: true, abandoned: 0 });
    }
    this.stopping ??= this.shutdown(options.deadlineMs ?? 30_000);
    return this.stopping;
  }

  private async shutdown(deadlineMs: number): Promise<StopResult> {
    this.state = 'stopping';
    this.gate.stopAll();
    // Nothing new starts, retries of in-flight messages included; they are redelivered after a restart.
    this.scheduler.hold();
    this.intake.dropReadAheads();
    const dropped = this.scheduler.dropQueued();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, deadlineMs);
    });
    const drained = await Promise.race([this.scheduler.idle().then(() => true), deadline]);
    clearTimeout(timer);
    const unfinished = dropped + this.scheduler.running + this.scheduler.queued;
    // Handlers still running past the deadline are given up before the last commit excludes them.
    this.intake.abandonAll('consumer stopped');
    this.committer.stop();
    await this.finalCommit();
    this.scheduler.close();
    await this.consumer.disconnect();
    this.state = 'stopped';
    return { drained, abandoned: unfinished };
  }

  /** A kafkajs consumer restarting after a crash cannot commit for a moment: try a few times. */
  private async finalCommit(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.committer.commit();
        return;
      } catch (error) {
        if (attempt === FINAL_COMMIT_ATTEMPTS) {
          this.log.error('Final offset commit failed; uncommitted work will be redelivered', {
            error: describe(error),
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  commit(): Promise<void> {
    return this.committer.commit();
  }

  on(listener: (event: KeyedConsumerEvent) => void): () => void {
    return this.events.on(listener);
  }

  metrics(): KeyedConsumerMetrics {
    return this.stats.snapshot({
      inFlight: this.scheduler.running,
      queued: this.scheduler.queued,
      delayedKeys: this.scheduler.delayedKeys,
      readAhead: this.intake.readAheadSize,
      pausedPartitions: this.gate.pausedPartitions,
      partitions: [...this.intake.held()].map((state) => state.metrics()),
    });
  }

  private applyBackPressure(): void {
    this.stats.observeInFlight(this.scheduler.running);
    if (this.state === 'running') {
      this.intake.refill();
    }
  }
}
