// Chaos suite: *.chaos-spec.ts, the whole system under faults (killed processes, a broker outage, API
// faults) against the same real Kafka as the integration tests. One spec at a time: each drives the
// machine hard, and a fault timed against a busy neighbour would measure the neighbour.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'chaos',
  testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.chaos-spec.ts'],
  globalSetup: '<rootDir>/tools/local-kafka/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/local-kafka/src/jest/global-teardown.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
};
