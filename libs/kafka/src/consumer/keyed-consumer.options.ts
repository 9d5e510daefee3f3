import { type ConsumerConfig } from 'kafkajs';
import { type KeyedMessage } from './keyed-message';

export type ErrorDecision = 'retry' | 'skip' | { deadLetter: string };

/** 'retry' keeps the key blocked through the backoff, so later messages of that key never overtake it. */
export type ErrorPolicy = (
  error: unknown,
  message: KeyedMessage,
  attempt: number,
) => ErrorDecision | Promise<ErrorDecision>;

/** The offset is committed only after this resolves; a rejection is retried after a backoff. */
export type DeadLetterHandler = (message: KeyedMessage, reason: string, error: unknown) => Promise<void>;

export interface RetryOptions {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface KeyedConsumerLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface KeyedConsumerOptions {
  groupId: string;
  topics: string[];
  handler: (message: KeyedMessage) => Promise<void>;
  onDeadLetter: DeadLetterHandler;
  onError?: ErrorPolicy;
  retry?: Partial<RetryOptions>;
  maxInFlight?: number;
  maxBuffered?: number;
  /** Bounds the offsets held back behind one slow head, so a stuck message cannot grow memory. */
  maxUncommittedPerPartition?: number;
  /** Equal keys run one at a time, in offset order; null orders a message with nothing. */
  orderingKey?: (message: KeyedMessage) => string | null;
  fromBeginning?: boolean;
  commitIntervalMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxWaitTimeMs?: number;
  logger?: KeyedConsumerLogger;
  consumerConfig?: Partial<ConsumerConfig>;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

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
  pending: number;
  readAhead: number;
  committedOffset: string | undefined;
  highWatermark: string | undefined;
  lag: number | undefined;
}

export interface KeyedConsumerMetrics {
  inFlight: number;
  queued: number;
  delayedKeys: number;
  buffered: number;
  maxObservedInFlight: number;
  maxObservedBuffered: number;
  handled: number;
  failed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
  /** Given up because their partition was revoked or stop() hit its deadline; Kafka redelivers them. */
  abandoned: number;
  readAhead: number;
  pausedPartitions: number;
  rebalances: number;
  partitions: PartitionMetrics[];
}

export interface StopOptions {
  deadlineMs?: number;
}

export interface StopResult {
  drained: boolean;
  abandoned: number;
}
