// End-to-end sync throughput: simulator, webhook-ingress and tier-sync on real Kafka. Run:
//   node -r ./tools/runtime/register.js bench/sync/sync.bench.ts [--groups 2000] [--secondaries 5] [--concurrency 10] [--ceiling 32]
import { AppProcess } from '@tiersync/app-process';
import { FLEET_PROGRAM_ID, fleetMemberId, fleetSeed, startCapillarySim } from '@tiersync/capillary-sim';
import { createKafka, ensureTopics } from '@tiersync/kafka';
import { topicNames } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchKafka, type BenchKafka } from '../bench-kafka';
import { percentile } from './result-collector';
import { startBenchIngress, startWebhookFlow } from './webhook-flow';

const AUTH = { username: 'bench', password: 'bench-password' };
const LATENCY = { fixedMs: 30, jitterMs: 40 }; // uniform 30-70 ms: 50 +- 20
const UNREAD = { SYNC_UPGRADE_WITHOUT_READ: 'true' };

interface Run {
  name: string;
  rateLimitPerMinute: number;
  concurrency: number;
  syncEnv?: Record<string, string>;
}

async function runOnce(cluster: BenchKafka, run: Run, groups: number, secondaries: number) {
  const { concurrency } = run;
  const prefix = `bench-sync-${randomUUID().slice(0, 8)}.`;
  const topics = topicNames(prefix);
  await ensureTopics(
    createKafka(cluster.connection),
    Object.values(topics).map((topic) => ({ topic, partitions: 6 })),
  );
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const sim = await startCapillarySim({
      auth: AUTH,
      seed: fleetSeed(groups, secondaries),
      faults: { latency: LATENCY },
    });
    cleanups.push(() => sim.stop());
    const kafkaEnv = { ...cluster.env, KAFKA_TOPIC_PREFIX: prefix };
    const ingressUrl = await startBenchIngress(kafkaEnv, cleanups, { LOG_LEVEL: 'info' });
    const sync = new AppProcess('tier-sync');
    cleanups.push(() => sync.stop());
    sync.start({
      ...kafkaEnv,
      CAPILLARY_BASE_URL: sim.url,
      CAPILLARY_USERNAME: AUTH.username,
      CAPILLARY_PASSWORD: AUTH.password,
      CAPILLARY_MAX_CONCURRENCY: String(concurrency),
      CAPILLARY_RATE_LIMIT_PER_MINUTE: String(run.rateLimitPerMinute),
      SYNC_HTTP_HOST: '127.0.0.1',
      SYNC_HTTP_PORT: '0',
      LOG_LEVEL: 'log',
      ...run.syncEnv,
    });
    const syncUrl = await sync.listeningUrl();
    const collector = await startWebhookFlow(
      sim,
      ingressUrl,
      { connection: cluster.connection, topic: topics.syncResults },
      cleanups,
    );
    const cpuBefore = process.cpuUsage();
    const syncCpuBefore = await processCpuSeconds(syncUrl);
    for (let g = 0; g < groups; g++) {
      sim.control.activity({ customerId: fleetMemberId(g, 0), programId: FLEET_PROGRAM_ID, tier: 3 });
    }
    const requestBound = Math.min(
      run.rateLimitPerMinute > 0 ? run.rateLimitPerMinute / 60 : Infinity,
      concurrency / 0.05,
    );
    await collector.waitFor(groups, ((groups * (secondaries * 2 + 3)) / requestBound) * 3_000 + 60_000);
    const calls = sim.control.calls();
    const results = collector.commands;
    const first = Math.min(...results.map((r) => r.receivedAt ?? r.finishedAt));
    const last = Math.max(...results.map((r) => r.finishedAt));
    const seconds = (last - first) / 1000;
    const adjusted = results.reduce((sum, r) => sum + r.adjusted, 0);
    const latencies = results.map((r) => r.finishedAt - (r.receivedAt ?? r.finishedAt));
    const meanCallMs = calls.reduce((sum, c) => sum + (c.durationMs ?? 0), 0) / calls.length;
    const cpu = process.cpuUsage(cpuBefore);
    const syncCpu = (await processCpuSeconds(syncUrl)) - syncCpuBefore;
    return {
      run: run.name,
      concurrency,
      groups: results.length,
      outcomes: [...new Set(results.map((r) => r.outcome))].join(','),
      echoesIgnored: collector.ignored,
      adjustments: adjusted,
      requests: calls.length,
      requestsPerGroup: +(calls.length / results.length).toFixed(2),
      requestsPerGroupByEndpoint: perGroupByEndpoint(calls, results.length),
      requestsPerAdjustment: +(calls.length / adjusted).toFixed(2),
      seconds: +seconds.toFixed(1),
      webhooksAcceptedOverSeconds: +(
        (Math.max(...results.map((r) => r.receivedAt ?? first)) - first) /
        1000
      ).toFixed(1),
      requestsPerSecond: +(calls.length / seconds).toFixed(1),
      requestBound: +requestBound.toFixed(1),
      requestPctOfBound: +((100 * calls.length) / seconds / requestBound).toFixed(1),
      adjustmentsPerSecond: +(adjusted / seconds).toFixed(1),
      adjustmentBound: +((requestBound * adjusted) / calls.length).toFixed(1),
      meanCallMs: +meanCallMs.toFixed(1),
      maxConcurrentCalls: Math.max(...calls.map((c) => c.concurrent)),
      webhookToSyncedP50Ms: percentile(latencies, 50),
      webhookToSyncedP99Ms: percentile(latencies, 99),
      commandP50Ms: percentile(
        results.map((r) => r.durationMs),
        50,
      ),
      commandP99Ms: percentile(
        results.map((r) => r.durationMs),
        99,
      ),
      benchProcessCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      tierSyncCpuMs: Math.round(syncCpu * 1000),
      tierSyncCpuPerRequestMs: +((syncCpu * 1000) / calls.length).toFixed(2),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  }
}

/** The group lookup (by primaryUserId) and the group read (by id, once the lookup's copy is older than 5 s) apart. */
function perGroupByEndpoint(
  calls: readonly { endpoint?: string; query: Record<string, string> }[],
  groups: number,
) {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const name =
      c.endpoint === 'userGroup2' ? (c.query['primaryUserId'] ? 'groupLookup' : 'groupRead') : c.endpoint;
    counts.set(name ?? 'other', (counts.get(name ?? 'other') ?? 0) + 1);
  }
  return Object.fromEntries([...counts].map(([endpoint, n]) => [endpoint, +(n / groups).toFixed(2)]));
}

async function processCpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      groups: { type: 'string', default: '2000' },
      secondaries: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '10' },
      ceiling: { type: 'string', default: '32' },
    },
  });
  const [groups, secondaries, concurrency, ceiling] = [
    values.groups,
    values.secondaries,
    values.concurrency,
    values.ceiling,
  ].map(Number) as [number, number, number, number];
  const cluster = await benchKafka('bench-sync', { partitions: 6 });
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${groups} groups x ${secondaries} secondaries, simulator latency ${LATENCY.fixedMs}-${LATENCY.fixedMs + LATENCY.jitterMs} ms`,
  );
  try {
    const runs: Run[] = [
      { name: 'no rate limit, upgrades unread', rateLimitPerMinute: 0, concurrency, syncEnv: UNREAD },
      // The same groups with every member read first, tier-sync's default.
      { name: 'no rate limit, members read first', rateLimitPerMinute: 0, concurrency },
      { name: '6,000 requests/min', rateLimitPerMinute: 6000, concurrency, syncEnv: UNREAD },
      // Where this machine's CPU, not the bound, sets the pace (0 skips it).
      ...(ceiling > 0
        ? [{ name: `no rate limit, ${ceiling} concurrent`, rateLimitPerMinute: 0, concurrency: ceiling }]
        : []),
    ];
    for (const run of runs) {
      console.log(JSON.stringify(await runOnce(cluster, run, groups, secondaries), null, 1));
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
