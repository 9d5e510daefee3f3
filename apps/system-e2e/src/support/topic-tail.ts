import { createKafka, decodeHeaders, type KafkaConnectionOptions } from '@tiersync/kafka';
import { type Consumer, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { waitFor } from './wait-for';

/** Its own consumer group, so it never interferes with the apps. */
export class TopicTail<T> {
  private readonly seen: T[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly connection: KafkaConnectionOptions,
    readonly topic: string,
    private readonly parse: (raw: unknown) => T,
    private readonly decode: (message: KafkaMessage) => unknown = jsonValue,
  ) {}

  async start(): Promise<this> {
    await this.consumer?.disconnect();
    this.seen.length = 0;
    const consumer = createKafka({ ...this.connection, clientId: 'e2e-tail' }).consumer({
      groupId: `e2e-tail-${randomUUID()}`,
      maxWaitTimeInMs: 50,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        try {
          this.seen.push(this.parse(this.decode(message)));
        } catch {
          // Not a T (the DLQ also keeps unreadable commands byte for byte): a raw tail asserts on those.
        }
        return Promise.resolve();
      },
    });
    return this;
  }

  get records(): readonly T[] {
    return this.seen;
  }

  async waitForCount(
    what: string,
    match: (record: T) => boolean,
    count: number,
    timeoutMs = 60_000,
  ): Promise<T[]> {
    return waitFor(
      `${count} ${what} on ${this.topic}`,
      () => {
        const found = this.seen.filter(match);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, describe: () => this.seen.filter(match) },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function jsonValue(message: KafkaMessage): unknown {
  return JSON.parse(message.value?.toString('utf8') ?? 'null');
}

export interface RawRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function rawRecord(message: KafkaMessage): RawRecord {
  return {
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers: decodeHeaders(message.headers),
  };
}
