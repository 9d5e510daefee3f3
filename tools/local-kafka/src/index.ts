export { freePort } from './free-port';
export { KAFKA_VERSION, ensureKafkaJars } from './kafka-jars';
export { startLocalKafka, type LocalKafka, type LocalKafkaOptions } from './local-kafka';
export { chooseTestBroker, type TestBroker } from './test-broker';
