// Helpers for integration tests against the broker the jest global setup chose; never for app code.
export { testBrokers, testKafka, uniqueName } from './testing/kafka-test-env';
