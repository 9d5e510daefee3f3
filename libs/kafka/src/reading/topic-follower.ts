import { type Admin, type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { whileRetriable } from '../admin/while-retriable';
import { type KeyedConsumerLogger } from '../consumer/keyed-consumer.options';
import { decodeHeaders } from '../consumer/keyed-message';
import { type MessageHeaders } from '../event-publisher';
import { FollowerPositions, type PartitionEnds, type PartitionOffsetAt } from './follower-positions';

export interface FollowedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
  readonly timestamp: number;
}

export interface TopicFollowerOptions {
  readonly topics: readonly string[];
  readonly from: 'earliest' | { readonly timestamp: number };
  /** Must not throw: a record it cannot use is the caller's to count and skip. */
  onRecord(record: FollowedRecord): void;
  readonly groupPrefix: string;
  readonly logger?: KeyedConsumerLogger;
  /** start() fails when no batch arrives for this long while partitions are still behind. */
  readonly idleTimeoutMs?: number;
}

export interface TopicFollower {
  /** Resolves once every partition is read up to its end offset as of the call. */
  start(): Promise<void>;
  /** True once the given partitions (all when omitted) of every topic are read up to their end offsets as of
   * this call; false when that takes longer than timeoutMs. */
  caughtUp(timeoutMs: number, partitions?: readonly number[]): Promise<boolean>;
  stop(): Promise<void>;
}

const FETCH_MIN_BYTES = 64 * 1024;
const FETCH_WAIT_MS = 200;

/** Reads under a throw-away group that never commits; every (re)join seeks to what was read, so a rebalance or
 * a consumer restart neither skips nor repeats a record. */
export function followTopics(kafka: Kafka, options: TopicFollowerOptions): TopicFollower {
  return new KafkaTopicFollower(kafka, options);
}

class KafkaTopicFollower implements TopicFollower {
  private readonly positions = new FollowerPositions();
  private readonly groupId: string;
  private readonly admin: Admin;
  private readonly consumer: Consumer;
  private started = false;
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly options: TopicFollowerOptions,
  ) {
    this.groupId = `${options.groupPrefix}.${randomUUID()}`;
    this.admin = kafka.admin();
    // A fetch answers once FETCH_MIN_BYTES are there or after FETCH_WAIT_MS: a follower trails by at most
    // that, instead of costing a fetch round trip (here and at the broker) per record written. disconnect()
    // waits for the fetch in flight, so the wait stays short.
    this.consumer = kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      minBytes: FETCH_MIN_BYTES,
      maxWaitTimeInMs: FETCH_WAIT_MS,
    });
  }

  async start(): Promise<void> {
    await this.admin.connect();
    const ends = await this.endOffsets();
    for (const topic of this.options.topics) {
      this.positions.begin(topic, await this.startOffsets(topic));
    }
    this.listen();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    this.started = true;
    const caughtUp = this.positions.waitFor(ends, undefined, this.options.idleTimeoutMs ?? 30_000);
    try {
      await this.consumer.run({ autoCommit: false, eachBatch: (payload) => this.read(payload) });
    } catch (error) {
      this.positions.fail(error instanceof Error ? error : new Error(String(error)));
    }
    await caughtUp;
  }

  async caughtUp(timeoutMs: number, partitions?: readonly number[]): Promise<boolean> {
    if (!this.started) {
      throw new Error('caughtUp() before start()');
    }
    if (this.stopped) {
      throw new Error('the follower stopped');
    }
    const deadline = Date.now() + timeoutMs;
    const ends = await withTimeout(this.endOffsets(partitions), timeoutMs);
    if (ends === undefined) {
      return false;
    }
    return this.positions.waitFor(ends, Math.max(0, deadline - Date.now()));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.positions.fail(new Error('the follower stopped'));
    await this.consumer.disconnect();
    await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
    await this.admin.disconnect();
  }

  private async read({ batch, ...payload }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (this.positions.accept(batch.topic, batch.partition, message.offset)) {
        this.options.onRecord(toRecord(batch.topic, batch.partition, message));
      }
    }
    await payload.heartbeat();
  }

  private listen(): void {
    const { GROUP_JOIN, END_BATCH_PROCESS, CRASH } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => {
      for (const { topic, partition, offset } of this.positions.all()) {
        this.consumer.seek({ topic, partition, offset: String(offset) });
      }
    });
    this.consumer.on(END_BATCH_PROCESS, ({ payload }) => {
      // A batch with no record at or after the fetched offset reports the high watermark as its last offset,
      // which says nothing about what was read. kafkajs's types omit that firstOffset is null for such a batch.
      const firstOffset: unknown = payload.firstOffset;
      this.positions.batchEnded(
        payload.topic,
        payload.partition,
        firstOffset === null ? undefined : payload.lastOffset,
      );
    });
    this.consumer.on(CRASH, ({ payload }) => {
      if (!payload.restart) {
        this.options.logger?.error('topic follower stopped reading', {
          groupId: this.groupId,
          error: payload.error.message,
        });
        this.positions.fail(payload.error);
      }
    });
  }

  private async endOffsets(partitions?: readonly number[]): Promise<PartitionEnds> {
    const wanted = partitions === undefined ? undefined : new Set(partitions);
    const ends: PartitionOffsetAt[] = [];
    for (const topic of this.options.topics) {
      for (const { partition, high } of await whileRetriable(() => this.admin.fetchTopicOffsets(topic))) {
        if (wanted === undefined || wanted.has(partition)) {
          ends.push({ topic, partition, offset: Number(high) });
        }
      }
    }
    return ends;
  }

  private async startOffsets(topic: string): Promise<Map<number, number>> {
    const watermarks = await whileRetriable(() => this.admin.fetchTopicOffsets(topic));
    const from = this.options.from;
    // kafkajs answers the high watermark for a partition with no record at or after the timestamp.
    const byTime =
      from === 'earliest'
        ? []
        : await whileRetriable(() => this.admin.fetchTopicOffsetsByTimestamp(topic, from.timestamp));
    return new Map(
      watermarks.map((w) => [
        w.partition,
        Number(byTime.find((t) => t.partition === w.partition)?.offset ?? w.low),
      ]),
    );
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function toRecord(topic: string, partition: number, message: KafkaMessage): FollowedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}
