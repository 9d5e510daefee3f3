import { type Kafka } from 'kafkajs';
import { EventPublisher } from '../event-publisher';
import { type TopicSpec } from '../topic-admin';
import { BatchingPublisher, type BatchingOptions, type BatchProducer } from './batching-publisher';

export interface KafkaRecordPublisherOptions extends BatchingOptions {
  readonly topics: readonly TopicSpec[];
  readonly producer?: BatchProducer;
}

export function kafkaRecordPublisher(kafka: Kafka, options: KafkaRecordPublisherOptions): BatchingPublisher {
  const { topics, producer, ...batching } = options;
  return new BatchingPublisher(producer ?? new EventPublisher(kafka, { topics }), batching);
}
