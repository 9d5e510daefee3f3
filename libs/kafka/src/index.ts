// kafkajs types the apps handle without importing kafkajs themselves (apps do not: eslint.config.mjs).
export type { Admin, Consumer, Kafka, KafkaMessage } from 'kafkajs';
export { ConsumerGroupActiveError } from './admin/consumer-group-active.error';
export {
  ConsumerGroupOffsets,
  type ConsumerGroupMember,
  type ConsumerGroupView,
  type PartitionOffset,
  type PartitionOffsets,
} from './admin/consumer-group-offsets';
export { GroupLagMonitor, type PartitionLag } from './admin/group-lag.monitor';
export { withAdmin } from './admin/with-admin';
export {
  KafkaEnvironment,
  kafkaConnectionFromEnv,
  kafkaConnectionOf,
  type KafkaVariables,
} from './config/kafka.environment';
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
export {
  createKafka,
  parseBrokers,
  type KafkaClientSettings,
  type KafkaConnectionOptions,
} from './kafka-connection';
export { KeyedKafkaExceptionFilter } from './nest/keyed-kafka-exception.filter';
export { KeyedKafkaContext } from './nest/keyed-kafka.context';
export {
  KEYED_KAFKA_TRANSPORT,
  KeyedKafkaTransport,
  NestHandlerError,
  type KeyedKafkaTransportOptions,
} from './nest/keyed-kafka.transport';
export {
  BatchingPublisher,
  type BatchProducer,
  type BatchStats,
  type BatchingOptions,
  type EncodedRecord,
} from './publishing/batching-publisher';
export { kafkaRecordPublisher, type KafkaRecordPublisherOptions } from './publishing/kafka-record-publisher';
export {
  KafkaUnavailableError,
  RecordTooLargeError,
  type UnavailableReason,
} from './publishing/publish.errors';
export { RECORD_PUBLISHER, type OutgoingRecord, type RecordPublisher } from './publishing/record-publisher';
export {
  followTopics,
  type FollowedRecord,
  type TopicFollower,
  type TopicFollowerOptions,
} from './reading/topic-follower';
export { readTopicToEnd, topicExists, type TopicReadOptions, type TopicRecord } from './reading/topic-reader';
export { connectExplained, explainConnectFailure } from './security/connect-failure.explainer';
export { kafkaSecurity, type KafkaSecurity } from './security/kafka-security';
export { KafkaSecurityError } from './security/kafka-security.error';
export {
  kafkaSecurityOptions,
  type KafkaSecurityMapping,
  type KafkaSecurityOptions,
} from './security/kafka-security.options';
export {
  ENDPOINT_IDENTIFICATION_ALGORITHMS,
  KAFKA_SECURITY_ENV,
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
  readKafkaSecuritySettings,
  type EndpointIdentificationAlgorithm,
  type KafkaSecuritySettings,
  type SaslMechanism,
  type SecurityProtocol,
} from './security/kafka-security.settings';
export {
  OAuthBearerTokenProvider,
  type OAuthBearerClientCredentials,
  type OAuthBearerTokenProviderOptions,
} from './security/oauth-bearer.token-provider';
export { ensureTopics, type TopicSpec } from './topic-admin';
