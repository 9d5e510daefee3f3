// Shared jest settings: SWC compiles TypeScript (with the decorator metadata Nest needs) and the
// @tiersync/* aliases resolve to each project's public index, as in tsconfig.base.json.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// Dates in payloads, logs and assertions are UTC in production; the workers jest forks inherit this, so a
// developer's local zone cannot change a result.
process.env.TZ = 'UTC';

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.cache/', '<rootDir>/tmp/', '<rootDir>/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/tmp/', '<rootDir>/dist/'],
};
