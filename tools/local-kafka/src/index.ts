export { createLocalCertificates, type LocalCertificates } from './certificates';
export { freePort } from './free-port';
export { KAFKA_VERSION, ensureKafkaJars } from './kafka-jars';
export { startLocalKafka, type LocalKafka, type LocalKafkaOptions } from './local-kafka';
export {
  SECURE_KAFKA_TEST_ENV,
  clientVariables,
  readSecureKafkaTestEnv,
  type SecureKafkaAccess,
} from './secure-access';
export { chooseTestBroker, type TestBroker } from './test-broker';
