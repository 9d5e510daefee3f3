import { type Kafka } from 'kafkajs';
import { EventPublisher } from '../event-publisher';
import { type TopicSpec } from '../topic-admin';
import { BatchingPublisher, type BatchingOptions, type BatchProducer } from './batching-publisher';

export interface KafkaRecordPublisherOptions extends BatchingOptions {
  /** Created where missing when the publisher connects. */
  readonly topics: readonly TopicSpec[];
  /** Replaces Kafka under the same batching: tests and the ingress benchmark's no-durability baseline. */
  readonly producer?: BatchProducer;
}

/** The process's RecordPublisher: group commit over one idempotent, acks=all producer. */
export function kafkaRecordPublisher(kafka: Kafka, options: KafkaRecordPublisherOptions): BatchingPublisher {
  const { topics, producer, ...batching } = options;
  return new BatchingPublisher(producer ?? new EventPublisher(kafka, { topics }), batching);
}
