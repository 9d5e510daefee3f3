// Bound by Capillary, not CPU: each call takes 100 ms and each process makes at most 2 at once. Run:
//   node -r ./tools/runtime/register.js bench/scaling/scaling.bench.ts [--groups 200] [--secondaries 5] [--processes 1,2,3]
import { AppProcess } from '@tiersync/app-process';
import {
  type CapillarySim,
  FLEET_PROGRAM_ID,
  fleetMemberId,
  fleetSeed,
  startCapillarySim,
} from '@tiersync/capillary-sim';
import { createKafka, ensureTopics } from '@tiersync/kafka';
import { topicNames } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type BenchKafka, benchKafka } from '../bench-kafka';
import { startBenchIngress, startWebhookFlow } from '../sync/webhook-flow';
import { groupOwnership } from './group-ownership';

const LATENCY_MS = 100;
const CONCURRENCY = 2;
const PARTITIONS = 6;

async function runOnce(cluster: BenchKafka, processes: number, groups: number, secondaries: number) {
  const prefix = `bench-scaling-${randomUUID().slice(0, 8)}.`;
  const topics = topicNames(prefix);
  const kafka = createKafka(cluster.connection);
  await ensureTopics(
    kafka,
    Object.values(topics).map((topic) => ({ topic, partitions: PARTITIONS })),
  );
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    // No credentials checked: each process logs in as its own till, which the call log records as caller.
    const sim = await startCapillarySim({
      seed: fleetSeed(groups, secondaries),
      faults: { latency: { fixedMs: LATENCY_MS } },
    });
    cleanups.push(() => sim.stop());
    const kafkaEnv = { ...cluster.env, KAFKA_TOPIC_PREFIX: prefix };
    const ingressUrl = await startBenchIngress(kafkaEnv, cleanups);
    const syncs = Array.from({ length: processes }, () => new AppProcess('tier-sync'));
    syncs.forEach((sync, i) => {
      cleanups.push(() => sync.stop());
      sync.start({
        ...kafkaEnv,
        CAPILLARY_BASE_URL: sim.url,
        CAPILLARY_USERNAME: `bench-sync-${i + 1}`,
        CAPILLARY_PASSWORD: 'bench-password',
        CAPILLARY_MAX_CONCURRENCY: String(CONCURRENCY),
        CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
        SYNC_HTTP_HOST: '127.0.0.1',
        SYNC_HTTP_PORT: '0',
        LOG_LEVEL: 'log',
      });
    });
    await Promise.all(syncs.map((sync) => sync.listeningUrl()));
    await untilGroupStable(kafka, `${prefix}tier-sync`, processes);
    const collector = await startWebhookFlow(
      sim,
      ingressUrl,
      { connection: cluster.connection, topic: topics.syncResults },
      cleanups,
    );
    for (let g = 0; g < groups; g++) {
      sim.control.activity({ customerId: fleetMemberId(g, 0), programId: FLEET_PROGRAM_ID, tier: 3 });
    }
    const callBound = (processes * CONCURRENCY * 1000) / LATENCY_MS;
    await collector.waitFor(groups, ((groups * (secondaries * 2 + 3)) / callBound) * 3_000 + 60_000);
    // The echoes of the last adjustments are still being routed: count their lookups too.
    await untilQuiet(sim);
    const calls = sim.control.calls();
    const results = collector.commands;
    const first = Math.min(...results.map((r) => r.receivedAt ?? r.finishedAt));
    const last = Math.max(...results.map((r) => r.finishedAt));
    const seconds = (last - first) / 1000;
    const adjusted = results.reduce((sum, r) => sum + r.adjusted, 0);
    const perCaller = Object.fromEntries(
      [...new Set(calls.map((c) => c.caller ?? '?'))]
        .sort()
        .map((caller) => [caller, calls.filter((c) => (c.caller ?? '?') === caller).length]),
    );
    const ownership = groupOwnership(calls);
    return {
      processes,
      groupsSynced: results.filter((r) => r.outcome === 'SYNCED').length,
      adjustments: adjusted,
      seconds: +seconds.toFixed(1),
      adjustmentsPerSecond: +(adjusted / seconds).toFixed(2),
      capillaryCalls: calls.length,
      callsPerGroup: +(calls.length / groups).toFixed(2),
      routerLookups: calls.filter((c) => c.endpoint === 'userGroup2' && c.query['id'] === undefined).length,
      callsPerProcess: perCaller,
      callBoundPerSecond: callBound,
      adjustmentBoundPerSecond: +((callBound * adjusted) / calls.length).toFixed(2),
      callsPerSecond: +(calls.filter((c) => c.at <= last).length / seconds).toFixed(1),
      meanCallMs: +(calls.reduce((sum, c) => sum + (c.durationMs ?? 0), 0) / calls.length).toFixed(1),
      groupsWithSyncCalls: ownership.groups,
      groupsHandedOver: ownership.handedOver,
      groupsPerProcess: ownership.groupsPerCaller,
      groupsSyncedByTwoProcessesAtOnce: ownership.overlapping.length,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  }
}

async function untilGroupStable(kafka: ReturnType<typeof createKafka>, groupId: string, members: number) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { groups } = await admin.describeGroups([groupId]);
      const group = groups[0];
      if (group?.state === 'Stable' && group.members.length === members) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${groupId}: ${group?.state} with ${group?.members.length} of ${members} members`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
}

async function untilQuiet(sim: CapillarySim): Promise<void> {
  const deadline = Date.now() + 60_000;
  let seen = -1;
  while (Date.now() < deadline) {
    const count = sim.control.calls().length;
    if (count === seen) {
      return;
    }
    seen = count;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      groups: { type: 'string', default: '200' },
      secondaries: { type: 'string', default: '5' },
      processes: { type: 'string', default: '1,2,3' },
    },
  });
  const groups = Number(values.groups);
  const secondaries = Number(values.secondaries);
  const counts = values.processes.split(',').map(Number);
  const cluster = await benchKafka('bench-scaling', { partitions: PARTITIONS });
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${groups} groups x ${secondaries} secondaries, ${PARTITIONS} partitions, Capillary ${LATENCY_MS} ms per call, ${CONCURRENCY} calls at once per process`,
  );
  try {
    const runs = [];
    for (const processes of counts) {
      const run = await runOnce(cluster, processes, groups, secondaries);
      console.log(JSON.stringify(run));
      runs.push(run);
    }
    const one = runs.find((run) => run.processes === 1)?.adjustmentsPerSecond;
    console.log(
      '| processes | adjustments/s | vs 1 | bound (% reached) | Capillary calls (per group) | router lookups | calls per process | groups per process | groups synced by two processes at once |',
    );
    for (const run of runs) {
      const ratio = one ? `${(run.adjustmentsPerSecond / one).toFixed(2)}x` : '-';
      const reached = ((100 * run.adjustmentsPerSecond) / run.adjustmentBoundPerSecond).toFixed(1);
      const cells = [
        run.processes,
        run.adjustmentsPerSecond,
        ratio,
        `${run.adjustmentBoundPerSecond} (${reached}%)`,
        `${run.capillaryCalls} (${run.callsPerGroup})`,
        run.routerLookups,
        Object.values(run.callsPerProcess).join(' / '),
        Object.values(run.groupsPerProcess).join(' / '),
        run.groupsSyncedByTwoProcessesAtOnce,
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
