import { type ConsumerConfig } from 'kafkajs';
import { type KeyedMessage } from './keyed-message';

/** What to do with a message whose handler threw. */
export type ErrorDecision = 'retry' | 'skip' | { deadLetter: string };

/**
 * Decides about a failed attempt (attempt counts from 1). 'retry' runs the message again after a
 * jittered exponential backoff, keeping its key blocked, until retry.maxAttempts; then it is
 * dead-lettered. A policy that throws dead-letters the message.
 */
export type ErrorPolicy = (
  error: unknown,
  message: KeyedMessage,
  attempt: number,
) => ErrorDecision | Promise<ErrorDecision>;

/**
 * Parks a message the consumer gives up on (e.g. publishes it to a DLQ topic). The offset is committed
 * only after it resolves; if it rejects it is called again after a backoff, so nothing is lost silently.
 */
export type DeadLetterHandler = (message: KeyedMessage, reason: string, error: unknown) => Promise<void>;

export interface RetryOptions {
  /** Handler attempts per message, the first included (default 3). */
  maxAttempts: number;
  /** Backoff before the second attempt (default 200 ms); doubles per attempt, jittered. */
  initialBackoffMs: number;
  /** Cap of one backoff (default 10 s). */
  maxBackoffMs: number;
}

export interface KeyedConsumerLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface KeyedConsumerOptions {
  groupId: string;
  topics: string[];
  /** Resolving marks the message done; rejecting sends the error to `onError`. */
  handler: (message: KeyedMessage) => Promise<void>;
  onDeadLetter: DeadLetterHandler;
  /** Default: 'retry' (so retry.maxAttempts attempts, then dead-letter). */
  onError?: ErrorPolicy;
  retry?: Partial<RetryOptions>;
  /** Handlers running at once, across all partitions (default 64). */
  maxInFlight?: number;
  /**
   * Messages in the scheduler (running, queued, delayed), default 8 x maxInFlight. At the bound, fetched
   * messages wait in their partition's read-ahead and that partition stops fetching.
   */
  maxBuffered?: number;
  /**
   * Accepted offsets of one partition not yet committable because an earlier one is unfinished; at this
   * bound the partition takes nothing new (and soon stops fetching) until its slow head finishes
   * (default 10,000).
   */
  maxUncommittedPerPartition?: number;
  /**
   * What orders messages: equal keys run one at a time, in offset order. Default: topic + partition +
   * Kafka key; a null result (and a null Kafka key by default) means the message is ordered with nothing.
   */
  orderingKey?: (message: KeyedMessage) => string | null;
  fromBeginning?: boolean;
  /** How often completed prefixes are committed (default 1000 ms); stop() commits once more. */
  commitIntervalMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Longest broker wait per fetch, and the resume latency after back-pressure (default 100 ms). */
  maxWaitTimeMs?: number;
  logger?: KeyedConsumerLogger;
  /** Further kafkajs consumer settings (groupId and the ones above win). */
  consumerConfig?: Partial<ConsumerConfig>;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** Everything observable about the consumer, for metrics and tests. */
export type KeyedConsumerEvent =
  | { type: 'handled'; message: KeyedMessage; attempt: number; durationMs: number }
  | { type: 'failed'; message: KeyedMessage; attempt: number; error: unknown; decision: ErrorDecision }
  | { type: 'dead-lettered'; message: KeyedMessage; reason: string }
  | { type: 'dead-letter-failed'; message: KeyedMessage; error: unknown }
  | { type: 'skipped'; message: KeyedMessage; error: unknown }
  | { type: 'committed'; offsets: TopicPartitionOffset[] }
  | { type: 'commit-failed'; error: unknown }
  | { type: 'assigned'; assigned: TopicPartitionList; revoked: TopicPartitionList }
  | { type: 'paused'; topic: string; partition: number }
  | { type: 'resumed'; topic: string; partition: number }
  | { type: 'crashed'; error: unknown };

export type TopicPartitionList = { topic: string; partition: number }[];

export interface PartitionMetrics {
  topic: string;
  partition: number;
  /** Accepted messages not yet in the committed prefix. */
  pending: number;
  /** Fetched messages waiting for room in the buffer. */
  readAhead: number;
  /** Last offset committed by this consumer (the next one to consume). */
  committedOffset: string | undefined;
  /** High watermark seen in the last fetch. */
  highWatermark: string | undefined;
  /** highWatermark - committed offset, when both are known. */
  lag: number | undefined;
}

export interface KeyedConsumerMetrics {
  inFlight: number;
  queued: number;
  delayedKeys: number;
  /** inFlight + queued: what back-pressure bounds. */
  buffered: number;
  maxObservedInFlight: number;
  maxObservedBuffered: number;
  handled: number;
  failed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
  /** Messages given up because their partition was revoked or stop() hit its deadline. */
  abandoned: number;
  /** Fetched messages waiting for room (not counted in buffered). */
  readAhead: number;
  /** Partitions not fetching because fetched messages of theirs still wait for room. */
  pausedPartitions: number;
  rebalances: number;
  partitions: PartitionMetrics[];
}

export interface StopOptions {
  /** How long in-flight handlers may take to finish (default 30 s). */
  deadlineMs?: number;
}

export interface StopResult {
  /** True when every in-flight handler finished before the deadline. */
  drained: boolean;
  /** Messages left unfinished (queued or still running), to be redelivered. */
  abandoned: number;
}
