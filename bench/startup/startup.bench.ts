// Start-up from TypeScript sources (SWC) vs the compiled build. Needs `npx nx run-many -t build` first.
import { AppProcess } from '@tiersync/app-process';
import { createKafka, ensureTopics, parseBrokers } from '@tiersync/kafka';
import { freePort, startLocalKafka } from '@tiersync/local-kafka';
import { topicNames } from '@tiersync/tier-events';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = 5;
const PREFIX = 'startup-bench.';

type Mode = 'sources (SWC)' | 'dist (tsc)';

interface Service {
  readonly name: 'webhook-ingress' | 'tier-sync';
  readonly env: (port: string) => Record<string, string>;
}

const SERVICES: readonly Service[] = [
  {
    name: 'webhook-ingress',
    env: (port) => ({
      INGRESS_HOST: '127.0.0.1',
      INGRESS_PORT: port,
      WEBHOOK_SECRET: 'startup-bench-secret-0123',
    }),
  },
  {
    name: 'tier-sync',
    env: (port) => ({
      // Nothing is synced: the simulator's address is only validated at boot.
      CAPILLARY_BASE_URL: 'http://127.0.0.1:9',
      CAPILLARY_USERNAME: 'bench',
      CAPILLARY_PASSWORD: 'bench-password',
      SYNC_HTTP_HOST: '127.0.0.1',
      SYNC_HTTP_PORT: port,
    }),
  },
];

function compiledArgs(name: string): string[] {
  const entry = path.join(ROOT, 'dist', 'apps', name, 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run npx nx run-many -t build first`);
  }
  return [entry];
}

async function serviceStartMs(service: Service, mode: Mode, brokers: string): Promise<number> {
  const app = new AppProcess(
    service.name,
    mode === 'dist (tsc)' ? { compiled: { cwd: ROOT, args: compiledArgs(service.name) } } : {},
  );
  const port = String(await freePort());
  const started = performance.now();
  app.start({ ...service.env(port), KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: PREFIX, LOG_LEVEL: 'warn' });
  try {
    await app.untilReady(`http://127.0.0.1:${port}/health/live`);
    return performance.now() - started;
  } finally {
    await app.stop();
  }
}

function cliHelpMs(mode: Mode): number {
  const args =
    mode === 'dist (tsc)'
      ? [path.join(ROOT, 'dist', 'apps', 'ops-cli', 'apps', 'ops-cli', 'src', 'main.js'), '--help']
      : [
          '-r',
          path.join(ROOT, 'tools', 'runtime', 'register.js'),
          path.join(ROOT, 'apps/ops-cli/src/main.ts'),
          '--help',
        ];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (result.status !== 0) {
    throw new Error(`ops-cli --help exited with ${String(result.status)} (${mode})`);
  }
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const local = process.env['KAFKA_BROKERS'] ? undefined : await startLocalKafka({ partitions: 1 });
  const brokers = local ? local.brokers : parseBrokers(process.env['KAFKA_BROKERS'] ?? '');
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  try {
    await ensureTopics(
      createKafka({ brokers, clientId: 'startup-bench' }),
      Object.values(topicNames(PREFIX)).map((topic) => ({ topic, partitions: 1 })),
    );
    const modes: Mode[] = ['sources (SWC)', 'dist (tsc)'];
    const rows: { app: string; sources: number; dist: number }[] = [];
    for (const service of SERVICES) {
      const samples: Record<Mode, number[]> = { 'sources (SWC)': [], 'dist (tsc)': [] };
      // Alternating, so a change in the machine's load falls on both modes alike.
      for (let run = 0; run < RUNS; run++) {
        for (const mode of modes) {
          samples[mode].push(await serviceStartMs(service, mode, brokers.join(',')));
        }
      }
      rows.push({
        app: `${service.name} to /health/live`,
        sources: median(samples['sources (SWC)']),
        dist: median(samples['dist (tsc)']),
      });
    }
    const cli: Record<Mode, number[]> = { 'sources (SWC)': [], 'dist (tsc)': [] };
    for (let run = 0; run < RUNS; run++) {
      for (const mode of modes) {
        cli[mode].push(cliHelpMs(mode));
      }
    }
    rows.push({
      app: 'ops-cli --help to exit',
      sources: median(cli['sources (SWC)']),
      dist: median(cli['dist (tsc)']),
    });
    console.log(`median of ${RUNS} runs each, ms`);
    for (const row of rows) {
      console.log(
        `| ${row.app} | ${row.sources.toFixed(0)} | ${row.dist.toFixed(0)} | ${(row.dist / row.sources).toFixed(2)}x |`,
      );
    }
  } finally {
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
