// Test doubles, and helpers for tests against the broker the jest global setup chose; never for production code.
export { InstantProducer } from './testing/instant-producer';
export { testBrokers, testKafka, uniqueName } from './testing/kafka-test-env';
