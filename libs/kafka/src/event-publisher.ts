import { CompressionTypes, type Kafka, type Producer, type RecordMetadata } from 'kafkajs';
import { encodeValue } from './publishing/record-publisher';
import { ensureTopics, type TopicSpec } from './topic-admin';

export type MessageHeaders = Record<string, string>;

/** publish() resolves only once the broker acknowledged (acks=all), so callers never report success early. */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;
  private readonly topics: readonly TopicSpec[];

  constructor(
    private readonly kafka: Kafka,
    options: { transactionalId?: string; topics?: readonly TopicSpec[] } = {},
  ) {
    this.topics = options.topics ?? [];
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 5,
      allowAutoTopicCreation: false,
      ...(options.transactionalId ? { transactionalId: options.transactionalId } : {}),
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async connect(): Promise<void> {
    if (this.topics.length > 0) {
      await ensureTopics(this.kafka, this.topics);
    }
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish(
    topic: string,
    key: string,
    value: unknown,
    headers: MessageHeaders = {},
  ): Promise<RecordMetadata> {
    const [metadata] = await this.publishBatch(topic, [{ key, value, headers }]);
    if (!metadata) {
      throw new Error(`Kafka returned no metadata for ${topic}`);
    }
    return metadata;
  }

  async publishBatch(
    topic: string,
    records: { key: string; value: unknown; headers?: MessageHeaders }[],
  ): Promise<RecordMetadata[]> {
    return this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: records.map((r) => ({
        key: r.key,
        value: encodeValue(r.value),
        headers: r.headers ?? {},
      })),
    });
  }
}
