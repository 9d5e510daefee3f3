// Unit tests: *.spec.ts beside the code; no broker, no network beyond loopback fakes.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
};
