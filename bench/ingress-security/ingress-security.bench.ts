// SASL_SSL vs PLAINTEXT ingress throughput, in alternating rounds so both see the same machine. Run:
//   node -r ./tools/runtime/register.js bench/ingress-security/ingress-security.bench.ts [--duration 20] [--connections 64] [--rounds 2]
import { kafkaConnectionFromEnv } from '@tiersync/kafka';
import { clientVariables, startLocalKafka } from '@tiersync/local-kafka';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  BENCH_SECRET,
  checkDurable,
  loadAverage,
  machine,
  measure,
  printTable,
  recordsIn,
  WARMUP_SECONDS,
  type Measured,
} from '../ingress/ingress-load';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' } },
  });
  const seconds = Number(values.duration ?? 20);
  const connections = Number(values.connections ?? 64);
  const rounds = Number(values.rounds ?? 2);
  const kafka = await startLocalKafka({ partitions: 3, heap: '512m', secure: true });
  const secure = kafka.secure;
  if (!secure) {
    throw new Error('the local broker started without its secured listeners');
  }
  const prefix = `bench-sec-${randomUUID().slice(0, 8)}.`;
  const loadBefore = loadAverage();
  const modes = {
    PLAINTEXT: { KAFKA_BROKERS: kafka.brokers.join(',') },
    'SASL_SSL SCRAM-SHA-512': clientVariables(secure, 'sasl'),
  };
  const server = {
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'info',
  };
  try {
    const rows: Measured[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const [mode, kafkaEnv] of Object.entries(modes)) {
        const name = `durable over ${mode}, round ${round}`;
        rows.push(
          await measure(
            name,
            'apps/webhook-ingress/src/main.ts',
            { ...server, ...kafkaEnv },
            seconds,
            connections,
          ),
        );
      }
    }
    const stored = await recordsIn(
      kafkaConnectionFromEnv(modes['SASL_SSL SCRAM-SHA-512'], 'ingress-security-bench'),
      `${prefix}webhook-events.v1`,
    );

    console.log(`\n${machine()}`);
    console.log(`Node ${process.version}, load before: ${loadBefore}`);
    console.log(
      `autocannon -c ${connections} -d ${seconds} after a ${WARMUP_SECONDS} s warm-up, ${rounds} round(s); one broker, PLAINTEXT ${kafka.brokers.join(',')}, SASL_SSL ${secure.saslBrokers.join(',')}\n`,
    );
    printTable(rows);
    const mean = (mode: string) => {
      const own = rows.filter((row) => row.name.includes(` ${mode},`));
      return own.reduce((sum, row) => sum + row.acceptedPerSecond, 0) / own.length;
    };
    const plain = mean('PLAINTEXT');
    const sasl = mean('SASL_SSL SCRAM-SHA-512');
    console.log(
      `\nmean accepted/s: PLAINTEXT ${plain.toFixed(0)}, SASL_SSL ${sasl.toFixed(0)}; SASL_SSL / PLAINTEXT: ${((sasl / plain) * 100).toFixed(0)} %`,
    );
    const acknowledged = rows.reduce((sum, row) => sum + row.accepted, 0);
    checkDurable(`${prefix}webhook-events.v1`, stored, acknowledged);
  } finally {
    await kafka.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
