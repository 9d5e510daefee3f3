// Integration tests: *.integration-spec.ts against a real Kafka broker, chosen once for the whole run by
// the global setup (KAFKA_BROKERS, else testcontainers, else tools/local-kafka).
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/tools/local-kafka/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/local-kafka/src/jest/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
};
