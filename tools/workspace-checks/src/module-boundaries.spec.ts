import { lintProbes, type LintOutcome, type Probe } from './lint-probes';

const violations: Probe[] = [
  {
    name: 'tier-events importing Nest',
    file: 'libs/tier-events/src/probe.ts',
    code: "import { Injectable } from '@nestjs/common';",
  },
  {
    name: 'tier-events importing kafkajs',
    file: 'libs/tier-events/src/probe.ts',
    code: "import { Kafka } from 'kafkajs';",
  },
  {
    name: 'tier-events importing another lib',
    file: 'libs/tier-events/src/probe.ts',
    code: "import { createKafka } from '@tiersync/kafka';",
  },
  {
    name: 'env-config importing Nest',
    file: 'libs/env-config/src/probe.ts',
    code: "import { Injectable } from '@nestjs/common';",
  },
  {
    name: 'env-config importing another lib',
    file: 'libs/env-config/src/probe.ts',
    code: "import { createKafka } from '@tiersync/kafka';",
  },
  {
    name: 'a lib importing an app',
    file: 'libs/kafka/src/probe.ts',
    code: "import { x } from '../../../apps/tier-sync/src/main';",
  },
  { name: 'an app importing axios', file: 'apps/tier-sync/src/probe.ts', code: "import axios from 'axios';" },
  {
    name: 'an app importing kafkajs',
    file: 'apps/webhook-ingress/src/probe.ts',
    code: "import { Kafka } from 'kafkajs';",
  },
  {
    name: 'an app test importing kafkajs',
    file: 'apps/ops-cli/test/probe.ts',
    code: "import { type Admin } from 'kafkajs';",
  },
  {
    name: 'an app importing a dev tool',
    file: 'apps/tier-sync/src/probe.ts',
    code: "import { startLocalKafka } from '@tiersync/local-kafka';",
  },
  {
    name: 'an app importing another app',
    file: 'apps/tier-sync/src/probe.ts',
    code: "import { x } from '../../webhook-ingress/src/main';",
  },
  {
    name: 'the observability lib importing the Kafka lib',
    file: 'libs/nest-observability/src/probe.ts',
    code: "import { EventPublisher } from '@tiersync/kafka';",
  },
  {
    name: 'the Capillary client importing kafkajs',
    file: 'libs/capillary-client/src/probe.ts',
    code: "import { Kafka } from 'kafkajs';",
  },
];
const allowed: Probe = {
  name: 'an app importing a shared lib through its alias',
  file: 'apps/tier-sync/src/probe.ts',
  code: "import { topicNames } from '@tiersync/tier-events';",
};

describe('Nx module boundaries', () => {
  jest.setTimeout(120_000);
  let results: LintOutcome[];

  beforeAll(() => {
    results = lintProbes([...violations, allowed]);
  });

  it.each(violations.map((v, i) => [v.name, i] as const))('rejects %s', (_name, index) => {
    expect(results[index]?.fatal).toEqual([]);
    expect(results[index]?.boundary).not.toEqual([]);
  });

  it(`accepts ${allowed.name}`, () => {
    expect(results[violations.length]).toEqual({ boundary: [], fatal: [] });
  });
});
