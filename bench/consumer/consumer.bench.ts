// KeyedConsumer vs a plain kafkajs eachMessage consumer, 1,000 keys, handlers of 5-50 ms. Run:
//   node -r ./tools/runtime/register.js bench/consumer/consumer.bench.ts
import { createKafka, ensureTopics, EventPublisher, KeyedConsumer } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { benchKafka } from '../bench-kafka';
import { idealMakespan } from './ideal-schedule';

const MESSAGES = 10_000;
const KEYS = 1_000;
const MIN_MS = 5;
const MAX_MS = 50;
const PLAIN_CAP = { messages: 500, ms: 20_000 };

interface Run {
  name: string;
  handled: number;
  processingMs: number;
  totalMs: number;
  meanHandlerMs: number;
  cpuMs: number;
}

const rate = (run: Run) => (run.handled / run.processingMs) * 1000;
/** Each message's handler time, drawn once, so every consumer and the ideal schedule see the same work. */
const DURATIONS = Array.from({ length: MESSAGES }, () => MIN_MS + Math.random() * (MAX_MS - MIN_MS));
const MEAN_MS = DURATIONS.reduce((sum, d) => sum + d, 0) / MESSAGES;
const keyOf = (seq: number) => seq % KEYS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function timedHandler(): {
  handle: (seq: number) => Promise<void>;
  result: (name: string, startedAt: number, cpu: NodeJS.CpuUsage) => Run;
} {
  let first = 0;
  let last = 0;
  let handled = 0;
  let busy = 0;
  return {
    handle: async (seq) => {
      const start = performance.now();
      first ||= start;
      await sleep(DURATIONS[seq] ?? MAX_MS);
      last = performance.now();
      busy += last - start;
      handled++;
    },
    result: (name, startedAt, cpu) => ({
      name,
      handled,
      processingMs: last - first,
      totalMs: last - startedAt,
      meanHandlerMs: busy / handled,
      cpuMs: (cpu.user + cpu.system) / 1000,
    }),
  };
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) {
    await sleep(5);
  }
}

async function keyedRun(kafka: Kafka, topic: string, maxInFlight: number): Promise<Run> {
  const timed = timedHandler();
  let handled = 0;
  const consumer = new KeyedConsumer(kafka, {
    groupId: `bench-keyed-${maxInFlight}-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    maxInFlight,
    maxBuffered: maxInFlight * 10,
    onDeadLetter: () => Promise.reject(new Error('the bench handler never fails')),
    handler: async (message) => {
      await timed.handle((message.json() as { seq: number }).seq);
      handled++;
    },
  });
  const [startedAt, cpu] = [performance.now(), process.cpuUsage()];
  await consumer.start();
  await waitUntil(() => handled >= MESSAGES, 120_000);
  const used = process.cpuUsage(cpu);
  await consumer.stop({ deadlineMs: 5_000 });
  return timed.result(`KeyedConsumer maxInFlight=${maxInFlight}`, startedAt, used);
}

async function plainRun(kafka: Kafka, topic: string): Promise<Run> {
  const timed = timedHandler();
  let handled = 0;
  const consumer = kafka.consumer({ groupId: `bench-plain-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const [startedAt, cpu] = [performance.now(), process.cpuUsage()];
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (handled < PLAIN_CAP.messages) {
        await timed.handle((JSON.parse(message.value?.toString() ?? '{}') as { seq: number }).seq);
        handled++;
      }
    },
  });
  await waitUntil(() => handled >= PLAIN_CAP.messages, PLAIN_CAP.ms);
  const used = process.cpuUsage(cpu);
  await consumer.disconnect();
  return timed.result('plain kafkajs eachMessage', startedAt, used);
}

async function main(): Promise<void> {
  const cluster = await benchKafka('consumer-bench');
  const kafka = createKafka(cluster.connection);
  try {
    const topic = `bench-consumer-${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const publisher = new EventPublisher(kafka);
    await publisher.connect();
    for (let i = 0; i < MESSAGES; i += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, j) => ({
        key: `key-${(i + j) % KEYS}`,
        value: { seq: i + j },
      }));
      await publisher.publishBatch(topic, batch);
    }
    await publisher.disconnect();

    const runs = [
      await keyedRun(kafka, topic, 200),
      await keyedRun(kafka, topic, 500),
      await plainRun(kafka, topic),
    ];
    report(
      runs,
      cluster.local ? 'local broker (tools/local-kafka)' : `KAFKA_BROKERS=${cluster.env['KAFKA_BROKERS']}`,
    );
  } finally {
    await cluster.stop();
  }
}

function report(runs: Run[], broker: string): void {
  const plain = runs.find((r) => r.name.startsWith('plain'));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n${MESSAGES} messages, ${KEYS} keys, 1 partition, handler sleeps ${MIN_MS}-${MAX_MS} ms`);
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(`machine: ${os.availableParallelism()} cores (${cpu}), node ${process.version}, ${broker}`);
  console.log(`load average before the report: ${load.join(' ')}\n`);
  for (const run of runs) {
    const line = [
      run.name.padEnd(30),
      `${rate(run).toFixed(0).padStart(6)} msgs/s`,
      `(${run.handled} in ${run.processingMs.toFixed(0)} ms; with group join ${run.totalMs.toFixed(0)} ms;`,
      `mean handler ${run.meanHandlerMs.toFixed(1)} ms; CPU ${run.cpuMs.toFixed(0)} ms)`,
    ];
    const inFlight = /maxInFlight=(\d+)/.exec(run.name)?.[1];
    if (inFlight && plain) {
      const bound = (Number(inFlight) / MEAN_MS) * 1000;
      const scheduled = (MESSAGES / idealMakespan(chains(), Number(inFlight))) * 1000;
      line.push(
        `\n${''.padEnd(32)}${(rate(run) / rate(plain)).toFixed(1)}x plain;`,
        `ideal bound ${inFlight}/${MEAN_MS.toFixed(1)} ms = ${bound.toFixed(0)} msgs/s -> ${((rate(run) / bound) * 100).toFixed(1)}%;`,
        `\n${''.padEnd(32)}a zero-overhead key-ordered scheduler on the same durations: ${scheduled.toFixed(0)} msgs/s`,
        `-> ${((rate(run) / scheduled) * 100).toFixed(1)}% of it`,
      );
    }
    if (run === plain) {
      line.push(
        `\n${''.padEnd(32)}capped; all ${MESSAGES} would take ~${(MESSAGES / rate(run)).toFixed(0)} s at this rate`,
      );
    }
    console.log(line.join(' '));
  }
}

function chains(): number[][] {
  const byKey = Array.from({ length: KEYS }, (): number[] => []);
  DURATIONS.forEach((duration, seq) => byKey[keyOf(seq)]?.push(duration));
  return byKey;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
