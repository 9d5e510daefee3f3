export { ConsumerGroupActiveError } from './admin/consumer-group-active.error';
export {
  ConsumerGroupOffsets,
  type ConsumerGroupMember,
  type ConsumerGroupView,
  type PartitionOffset,
  type PartitionOffsets,
} from './admin/consumer-group-offsets';
export { KafkaEnvironment, kafkaConnectionOf, type KafkaVariables } from './config/kafka.environment';
export { KeyedConsumer } from './consumer/keyed-consumer';
export {
  type DeadLetterHandler,
  type ErrorDecision,
  type ErrorPolicy,
  type KeyedConsumerEvent,
  type KeyedConsumerLogger,
  type KeyedConsumerMetrics,
  type KeyedConsumerOptions,
  type PartitionMetrics,
  type RetryOptions,
  type StopOptions,
  type StopResult,
  type TopicPartitionList,
  type TopicPartitionOffset,
} from './consumer/keyed-consumer.options';
export { NOT_BEFORE_HEADER, decodeHeaders, type KeyedMessage } from './consumer/keyed-message';
export { EventPublisher, type MessageHeaders } from './event-publisher';
export { createKafka, parseBrokers, type KafkaConnectionOptions } from './kafka-connection';
export { KeyedKafkaExceptionFilter } from './nest/keyed-kafka-exception.filter';
export { KeyedKafkaContext } from './nest/keyed-kafka.context';
export {
  KEYED_KAFKA_TRANSPORT,
  KeyedKafkaTransport,
  NestHandlerError,
  type KeyedKafkaTransportOptions,
} from './nest/keyed-kafka.transport';
export { ensureTopics, type TopicSpec } from './topic-admin';
