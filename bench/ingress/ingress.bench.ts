// Durable webhooks/s against the no-Kafka baseline and two processes behind one port. Run:
//   node -r ./tools/runtime/register.js bench/ingress/ingress.bench.ts [--duration 20] [--connections 64]
// PUBLISH_LINGER_MS and SERVER_NODE_OPTIONS, when set, are passed to every server.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { benchKafka } from '../bench-kafka';
import {
  BENCH_SECRET,
  checkDurable,
  loadAverage,
  machine,
  measure,
  printTable,
  recordsIn,
  WARMUP_SECONDS,
} from './ingress-load';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string' }, connections: { type: 'string' } },
  });
  const seconds = Number(values.duration ?? 20);
  const connections = Number(values.connections ?? 64);
  const kafka = await benchKafka('ingress-bench', { partitions: 3, heap: '512m' });
  const { connection } = kafka;
  const brokers = connection.brokers;
  const prefix = `bench-${randomUUID().slice(0, 8)}.`;
  const loadBefore = loadAverage();
  const env = {
    ...kafka.env,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'info', // start-up lines only: nothing is logged per accepted webhook
    ...(process.env['PUBLISH_LINGER_MS'] ? { PUBLISH_LINGER_MS: process.env['PUBLISH_LINGER_MS'] } : {}),
    ...(process.env['SERVER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['SERVER_NODE_OPTIONS'] } : {}),
  };
  try {
    const run = (name: string, entry: string) =>
      measure(name, `apps/webhook-ingress/${entry}`, env, seconds, connections);
    const durable = await run('durable (Kafka acks=all)', 'src/main.ts');
    const baseline = await run('no Kafka (benchmark-only sink)', 'bench/no-kafka.server.ts');
    const twoProcesses = await run('durable, 2 processes (as 2 replicas)', 'bench/two-processes.server.ts');
    const stored = await recordsIn(connection, `${prefix}webhook-events.v1`);

    console.log(`\n${machine()}`);
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
    checkDurable(`${prefix}webhook-events.v1`, stored, acknowledged);
  } finally {
    await kafka.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
