import { AppProcess } from '@tiersync/app-process';
import { createKafka, type KafkaConnectionOptions } from '@tiersync/kafka';
import { capillarySamples } from '@tiersync/tier-events';
import autocannon from 'autocannon';
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';

export const BENCH_SECRET = 'bench-secret-0123456789abcdef';
export const WARMUP_SECONDS = 3;

export interface Measured {
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

const nextBody = (): string =>
  TEMPLATE.replace('EVENT-ID', randomUUID()).replaceAll('999000999', String(randomInt(1, 1_000_000)));

function load(url: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    headers: { 'content-type': 'application/json', 'x-webhook-token': BENCH_SECRET },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
}

export async function measure(
  name: string,
  entry: string,
  env: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Measured> {
  const server = new AppProcess(name, { entry });
  server.start(env);
  try {
    const url = await server.listeningUrl();
    await load(url, WARMUP_SECONDS, connections); // JIT, connection pools, producer metadata
    const result = await load(url, seconds, connections);
    return {
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
  } finally {
    const code = await server.stop();
    if (code !== 0) {
      console.error(`${name}: server exited with ${String(code)}`);
    }
  }
}

export function printTable(rows: Measured[]): void {
  console.log('| server | accepted/s | 202s | other | errors | p50 ms | p90 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const m of rows) {
    const cells = [m.acceptedPerSecond.toFixed(0), m.accepted, m.other, m.errors, m.p50, m.p90, m.p99, m.max];
    console.log(`| ${m.name} | ${cells.join(' | ')} |`);
  }
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

export function machine(): string {
  return `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

/** Every 202 must be a record: the topic's end offsets cover warm-up plus measured accepts. */
export async function recordsIn(connection: KafkaConnectionOptions, topic: string): Promise<number> {
  const admin = createKafka(connection).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Every measured 202 must be a record on the events topic (warm-ups add more). */
export function checkDurable(topic: string, stored: number, acknowledged: number): void {
  console.log(`records in ${topic}: ${stored} (>= ${acknowledged} measured 202s plus warm-ups)`);
  if (stored < acknowledged) {
    throw new Error('fewer records than 202 answers: durability broken');
  }
}
