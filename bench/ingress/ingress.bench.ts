// Durable webhooks/s: the ingress (apps/webhook-ingress/src/main.ts, real Kafka, acks=all, idempotent
// producer) against the same server whose records are acknowledged at once without Kafka
// (apps/webhook-ingress/bench/no-kafka.server.ts), then two durable processes behind one port
// (apps/webhook-ingress/bench/two-processes.server.ts, what a second replica adds). Authenticated tierUpgraded bodies, a new
// eventId and customerId per request. Run:
//   node -r ./tools/runtime/register.js bench/ingress/ingress.bench.ts [--duration 20] [--connections 64]
// Uses KAFKA_BROKERS when set, else starts a local broker (tools/local-kafka). PUBLISH_LINGER_MS and
// SERVER_NODE_OPTIONS, when set, are passed to every server.
import { AppProcess } from '@tiersync/app-process';
import { createKafka, parseBrokers } from '@tiersync/kafka';
import { startLocalKafka } from '@tiersync/local-kafka';
import { capillarySamples } from '@tiersync/tier-events';
import autocannon from 'autocannon';
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';

const SECRET = 'bench-secret-0123456789abcdef';
const WARMUP_SECONDS = 3;

interface Measured {
  readonly name: string;
  readonly acceptedPerSecond: number;
  readonly accepted: number;
  readonly other: number;
  readonly errors: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** The sample body as a template: the load generator shares the 2 cores, so it only splices strings. */
const TEMPLATE = JSON.stringify({ ...capillarySamples.tierUpgraded(999_000_999), eventId: 'EVENT-ID' });

/** A fresh event per request, spread over many customers (so over every partition). */
const nextBody = (): string =>
  TEMPLATE.replace('EVENT-ID', randomUUID()).replaceAll('999000999', String(randomInt(1, 1_000_000)));

function load(url: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    headers: { 'content-type': 'application/json', 'x-webhook-token': SECRET },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
}

async function measure(
  name: string,
  entry: string,
  env: Record<string, string>,
  seconds: number,
  connections: number,
) {
  const server = new AppProcess(name, { entry });
  server.start(env);
  try {
    const url = await server.listeningUrl();
    await load(url, WARMUP_SECONDS, connections); // JIT, connection pools, producer metadata
    const result = await load(url, seconds, connections);
    const measured: Measured = {
      name,
      acceptedPerSecond: result['2xx'] / result.duration,
      accepted: result['2xx'],
      other: result.non2xx,
      errors: result.errors,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    };
    return measured;
  } finally {
    const code = await server.stop();
    if (code !== 0) {
      console.error(`${name}: server exited with ${String(code)}`);
    }
  }
}

function printTable(rows: Measured[]): void {
  console.log('| server | accepted/s | 202s | other | errors | p50 ms | p90 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const m of rows) {
    const cells = [m.acceptedPerSecond.toFixed(0), m.accepted, m.other, m.errors, m.p50, m.p90, m.p99, m.max];
    console.log(`| ${m.name} | ${cells.join(' | ')} |`);
  }
}

/** Every 202 must be a record: the topic's end offsets cover warm-up plus measured accepts. */
async function recordsIn(brokers: string[], topic: string): Promise<number> {
  const admin = createKafka({ brokers, clientId: 'ingress-bench' }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string' }, connections: { type: 'string' } },
  });
  const seconds = Number(values.duration ?? 20);
  const connections = Number(values.connections ?? 64);
  const configured = process.env['KAFKA_BROKERS'];
  const local = configured ? undefined : await startLocalKafka({ partitions: 3, heap: '512m' });
  const brokers = configured ? parseBrokers(configured) : (local?.brokers ?? []);
  const prefix = `bench-${randomUUID().slice(0, 8)}.`;
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const env = {
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'info', // start-up lines only: nothing is logged per accepted webhook
    ...(process.env['PUBLISH_LINGER_MS'] ? { PUBLISH_LINGER_MS: process.env['PUBLISH_LINGER_MS'] } : {}),
    // Node flags for both servers alike, e.g. SERVER_NODE_OPTIONS=--max-semi-space-size=32.
    ...(process.env['SERVER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['SERVER_NODE_OPTIONS'] } : {}),
  };
  try {
    const run = (name: string, entry: string) =>
      measure(name, `apps/webhook-ingress/${entry}`, env, seconds, connections);
    const durable = await run('durable (Kafka acks=all)', 'src/main.ts');
    const baseline = await run('no Kafka (benchmark-only sink)', 'bench/no-kafka.server.ts');
    const twoProcesses = await run('durable, 2 processes (as 2 replicas)', 'bench/two-processes.server.ts');
    const stored = await recordsIn(brokers, `${prefix}webhook-events.v1`);

    console.log(
      `\n${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      `Node ${process.version}, server NODE_OPTIONS: ${env.NODE_OPTIONS ?? '(none)'}, load before: ${loadBefore}`,
    );
    console.log(
      `autocannon -c ${connections} -d ${seconds} after a ${WARMUP_SECONDS} s warm-up; Kafka ${brokers.join(',')}\n`,
    );
    printTable([durable, baseline, twoProcesses]);
    const ratio = (durable.acceptedPerSecond / baseline.acceptedPerSecond) * 100;
    console.log(`\ndurable / no-Kafka throughput (one process each): ${ratio.toFixed(0)} %`);
    const acknowledged = durable.accepted + twoProcesses.accepted;
    console.log(
      `records in ${prefix}webhook-events.v1: ${stored} (>= ${acknowledged} measured 202s plus warm-ups)`,
    );
    if (stored < acknowledged) {
      throw new Error('fewer records than 202 answers: durability broken');
    }
  } finally {
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
