// End-to-end sync throughput: simulator, webhook-ingress and tier-sync on real Kafka. Run:
//   node -r ./tools/runtime/register.js bench/sync/sync.bench.ts [--groups 2000] [--secondaries 5] [--concurrency 10] [--ceiling 32]
//     [--rate-limit 6000] [--prof-dir DIR]
import { AppProcess } from '@tiersync/app-process';
import { FLEET_PROGRAM_ID, fleetMemberId, fleetSeed, startCapillarySim } from '@tiersync/capillary-sim';
import { createKafka, ensureTopics } from '@tiersync/kafka';
import { topicNames } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchKafka, type BenchKafka } from '../bench-kafka';
import { percentile } from './result-collector';
import { startBenchIngress, startWebhookFlow } from './webhook-flow';

const AUTH = { username: 'bench', password: 'bench-password' };
const LATENCY = { fixedMs: 30, jitterMs: 40 }; // uniform 30-70 ms: 50 +- 20
const REGISTER = path.resolve(__dirname, '../../tools/runtime/register.js');
const CPU_PROFILE_EXIT = path.resolve(__dirname, '../cpu-profile-exit.ts');
/** prom-client's default event-loop sampling interval, used for the bench process too. */
const LOOP_SAMPLE_MS = 10;
const UNREAD = { SYNC_UPGRADE_WITHOUT_READ: 'true' };

interface Run {
  name: string;
  rateLimitPerMinute: number;
  concurrency: number;
  syncEnv?: Record<string, string>;
}

async function runOnce(
  cluster: BenchKafka,
  run: Run,
  groups: number,
  secondaries: number,
  profDir: string | undefined,
) {
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
    const sync = new AppProcess('tier-sync', {
      nodeArgs:
        profDir === undefined
          ? []
          : ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '-r', REGISTER, '-r', CPU_PROFILE_EXIT],
    });
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
    // The simulator answers from this process: its event-loop delay adds to every call tier-sync times.
    const benchLoop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    benchLoop.enable();
    const syncBefore = await syncProcessFigures(syncUrl);
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
    benchLoop.disable();
    const syncAfter = await syncProcessFigures(syncUrl);
    const syncCpu = syncAfter.cpuSeconds - syncBefore.cpuSeconds;
    const clientCalls = syncAfter.calls - syncBefore.calls;
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
      clientMeanCallMs: +((1000 * (syncAfter.callSeconds - syncBefore.callSeconds)) / clientCalls).toFixed(1),
      clientMeanLimiterWaitMs: +(
        (1000 * (syncAfter.limiterWaitSeconds - syncBefore.limiterWaitSeconds)) /
        clientCalls
      ).toFixed(1),
      // Both histograms time a 10 ms interval timer: what it fired late by is the delay.
      tierSyncEventLoopDelayMeanMs: +(1000 * syncAfter.eventLoopDelayMeanSeconds - LOOP_SAMPLE_MS).toFixed(1),
      tierSyncEventLoopDelayP99Ms: +(1000 * syncAfter.eventLoopDelayP99Seconds - LOOP_SAMPLE_MS).toFixed(1),
      benchEventLoopDelayMeanMs: +(benchLoop.mean / 1e6 - LOOP_SAMPLE_MS).toFixed(1),
      benchEventLoopDelayP99Ms: +(benchLoop.percentile(99) / 1e6 - LOOP_SAMPLE_MS).toFixed(1),
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

interface SyncProcessFigures {
  readonly cpuSeconds: number;
  /** Every Capillary call as tier-sync timed it, from taking a slot to the parsed answer. */
  readonly callSeconds: number;
  readonly calls: number;
  readonly limiterWaitSeconds: number;
  /** Since the previous scrape: prom-client resets its event-loop delay histogram on each. */
  readonly eventLoopDelayMeanSeconds: number;
  readonly eventLoopDelayP99Seconds: number;
}

async function syncProcessFigures(url: string): Promise<SyncProcessFigures> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return {
    cpuSeconds: metricSum(text, 'process_cpu_seconds_total'),
    callSeconds: metricSum(text, 'tiersync_capillary_request_duration_seconds_sum'),
    calls: metricSum(text, 'tiersync_capillary_request_duration_seconds_count'),
    limiterWaitSeconds: metricSum(text, 'tiersync_capillary_limiter_wait_seconds_sum'),
    eventLoopDelayMeanSeconds: metricSum(text, 'nodejs_eventloop_lag_mean_seconds'),
    eventLoopDelayP99Seconds: metricSum(text, 'nodejs_eventloop_lag_p99_seconds'),
  };
}

/** The sum over every label set of one Prometheus sample name. */
function metricSum(text: string, name: string): number {
  const line = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm');
  return [...text.matchAll(line)].reduce((sum, match) => sum + Number(match[1]), 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      groups: { type: 'string', default: '2000' },
      secondaries: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '10' },
      ceiling: { type: 'string', default: '32' },
      'rate-limit': { type: 'string', default: '6000' },
      // tier-sync writes one V8 CPU profile per run there (open it in Chrome DevTools).
      'prof-dir': { type: 'string' },
    },
  });
  const [groups, secondaries, concurrency, ceiling, rateLimit] = [
    values.groups,
    values.secondaries,
    values.concurrency,
    values.ceiling,
    values['rate-limit'],
  ].map(Number) as [number, number, number, number, number];
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
      {
        name: `${rateLimit.toLocaleString('en')} requests/min`,
        rateLimitPerMinute: rateLimit,
        concurrency,
        syncEnv: UNREAD,
      },
      // Where this machine's CPU, not the bound, sets the pace (0 skips it).
      ...(ceiling > 0
        ? [{ name: `no rate limit, ${ceiling} concurrent`, rateLimitPerMinute: 0, concurrency: ceiling }]
        : []),
    ];
    for (const run of runs) {
      console.log(
        JSON.stringify(await runOnce(cluster, run, groups, secondaries, values['prof-dir']), null, 1),
      );
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
