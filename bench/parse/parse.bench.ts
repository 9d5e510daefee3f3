// The compiled parseEvent vs classValidatorParseEvent; rounds alternate so CPU drift hits both alike. Run:
//   node -r ./tools/runtime/register.js bench/parse/parse.bench.ts [--rounds 10] [--bodies 2000]
import {
  capillarySamples,
  classValidatorParseEvent,
  parseEvent,
  type ParsedEvent,
} from '@tiersync/tier-events';
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual, parseArgs } from 'node:util';

type Parse = (raw: unknown) => ParsedEvent;

const TEMPLATE = JSON.stringify({ ...capillarySamples.tierUpgraded(999_000_999), eventId: 'EVENT-ID' });
const ingressBody = (): string =>
  TEMPLATE.replace('EVENT-ID', randomUUID()).replaceAll('999000999', String(randomInt(1, 1_000_000)));

function bodies(count: number): string[] {
  const others = Object.values(capillarySamples).map((sample) => JSON.stringify(sample()));
  return Array.from({ length: count }, (_, index) =>
    index % 4 === 3 ? (others[index % others.length] ?? ingressBody()) : ingressBody(),
  );
}

function pass(parse: Parse, texts: readonly string[]): number {
  const started = performance.now();
  for (const text of texts) {
    parse(JSON.parse(text));
  }
  return texts.length / ((performance.now() - started) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, bodies: { type: 'string' } } });
  const rounds = Number(values.rounds ?? 10);
  const texts = bodies(Number(values.bodies ?? 2000));
  // Same answers first: a faster parse that answers differently would be no result at all.
  for (const text of texts) {
    if (!isDeepStrictEqual(parseEvent(JSON.parse(text)), classValidatorParseEvent(JSON.parse(text)))) {
      throw new Error(`the two paths disagree on ${text}`);
    }
  }
  const loadBefore = os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
  pass(classValidatorParseEvent, texts); // warm-up (JIT) for both
  pass(parseEvent, texts);
  const old: number[] = [];
  const fast: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    old.push(pass(classValidatorParseEvent, texts));
    fast.push(pass(parseEvent, texts));
  }
  const oldRate = median(old);
  const fastRate = median(fast);
  console.log(
    `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load before: ${loadBefore}`,
  );
  console.log(
    `${texts.length} bodies x ${rounds} alternating rounds, JSON.parse + parse per event, median round\n`,
  );
  console.log('| path | events/s | µs/event |');
  console.log('|---|---|---|');
  for (const [name, rate] of [
    ['class-transformer + class-validator per call (before)', oldRate],
    ['compiled plan, fallback to the above (now)', fastRate],
  ] as const) {
    console.log(`| ${name} | ${rate.toFixed(0)} | ${(1e6 / rate).toFixed(1)} |`);
  }
  console.log(`\nnow / before: ${(fastRate / oldRate).toFixed(2)}x`);
}

main();
