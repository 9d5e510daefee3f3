import { lintProbes, type LintOutcome, type Probe } from './lint-probes';

const SRC = 'apps/tier-sync/src';

const violations: Probe[] = [
  {
    name: 'sync importing the router (a domain layer upward)',
    file: `${SRC}/sync/probe.ts`,
    code: "import { EventRouterService } from '../router/event-router.service';",
  },
  {
    name: 'the router importing a consumer entry point',
    file: `${SRC}/router/probe.ts`,
    code: "import { SyncController } from '../consumer/sync.controller';",
  },
  {
    name: 'the Kafka plumbing importing the sync',
    file: `${SRC}/messaging/probe.ts`,
    code: "import { GroupCommandService } from '../sync/group-command.service';",
  },
  {
    name: 'the Capillary layer importing the Kafka plumbing beside it',
    file: `${SRC}/capillary/probe.ts`,
    code: "import { SyncPublisher } from '../messaging/sync.publisher';",
  },
  {
    name: 'a layer importing the app module',
    file: `${SRC}/observability/probe.ts`,
    code: "import { AppModule } from '../app.module';",
  },
];
const allowed: Probe[] = [
  {
    name: 'the consumer importing the router',
    file: `${SRC}/consumer/probe.ts`,
    code: "import { EventRouterService } from '../router/event-router.service';",
  },
  {
    name: 'the router importing the sync',
    file: `${SRC}/router/probe.ts`,
    code: "import { memberlessResult } from '../sync/memberless-result';",
  },
  {
    name: 'the sync importing the Capillary layer',
    file: `${SRC}/sync/probe.ts`,
    code: "import { CapillaryRetry } from '../capillary/capillary.retry';",
  },
];

describe('tier-sync layers', () => {
  jest.setTimeout(120_000);
  let results: LintOutcome[];

  beforeAll(() => {
    results = lintProbes([...violations, ...allowed], 'no-restricted-imports');
  });

  it.each(violations.map((v, i) => [v.name, i] as const))('rejects %s', (_name, index) => {
    expect(results[index]?.fatal).toEqual([]);
    expect(results[index]?.boundary).not.toEqual([]);
  });

  it.each(allowed.map((a, i) => [a.name, violations.length + i] as const))('accepts %s', (_name, index) => {
    expect(results[index]).toEqual({ boundary: [], fatal: [] });
  });
});
