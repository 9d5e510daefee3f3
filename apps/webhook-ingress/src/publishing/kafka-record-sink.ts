import {
  createKafka,
  ensureTopics,
  EventPublisher,
  type KafkaConnectionOptions,
  type TopicSpec,
} from '@tiersync/kafka';
import { type Kafka, type KafkaConfig } from 'kafkajs';
import { type OutgoingRecord, type RecordSink } from './record-sink';

export interface KafkaRecordSinkOptions {
  readonly connection: KafkaConnectionOptions;
  readonly topics: TopicSpec[];
  /** Extra kafkajs client settings (tests route connections through a proxy they can cut). */
  readonly client?: Partial<KafkaConfig>;
}

/** The production sink: ensures the topics, then publishes through the idempotent, acks=all producer. */
export class KafkaRecordSink implements RecordSink {
  private readonly kafka: Kafka;
  private readonly publisher: EventPublisher;

  constructor(private readonly options: KafkaRecordSinkOptions) {
    this.kafka = createKafka(options.connection, options.client);
    this.publisher = new EventPublisher(this.kafka);
  }

  get isConnected(): boolean {
    return this.publisher.isConnected;
  }

  async connect(): Promise<void> {
    await ensureTopics(this.kafka, this.options.topics);
    await this.publisher.connect();
  }

  disconnect(): Promise<void> {
    return this.publisher.disconnect();
  }

  publishBatch(topic: string, records: OutgoingRecord[]): Promise<unknown> {
    return this.publisher.publishBatch(topic, records);
  }
}
