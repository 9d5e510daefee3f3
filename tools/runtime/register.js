// Runs the TypeScript sources directly (npm start, npm run kafka/sim, the ops CLI) with SWC, which keeps
// decorator metadata for Nest's dependency injection and resolves the @tiersync/* path aliases.
const path = require('node:path');

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', '..', 'tsconfig.base.json');
require('@swc-node/register');
