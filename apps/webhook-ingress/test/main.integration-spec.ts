import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_SECRET, testBrokerList } from './ingress-harness';
import { readTopic } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Started {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

/** Runs apps/webhook-ingress/src/main.ts as its own process, as in production, with only `env`. */
function runMain(env: Record<string, string>): Started {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/runtime/register.js'), path.join(ROOT, 'apps/webhook-ingress/src/main.ts')],
    { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, lines, exited };
}

async function listeningUrl(started: Started): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const line = started.lines.find((l) => l.includes('webhook ingress listening'));
    const url = line === undefined ? undefined : /"url":"([^"]+)"/.exec(line)?.[1];
    if (url !== undefined) {
      return url;
    }
    if (started.child.exitCode !== null) {
      break;
    }
    await sleep(100);
  }
  throw new Error(`ingress did not start:\n${started.lines.join('\n')}`);
}

describe('apps/webhook-ingress/src/main.ts', () => {
  const base = () => ({
    KAFKA_BROKERS: testBrokerList().join(','),
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
  });

  it('refuses to start without WEBHOOK_SECRET and says why, exit code 1', async () => {
    const started = runMain(base());
    expect(await started.exited).toBe(1);
    const fatal = started.lines.map((l) => JSON.parse(l) as { level: string; message: string }).at(-1);
    expect(fatal).toMatchObject({ level: 'fatal' });
    expect(fatal?.message).toMatch(/WEBHOOK_SECRET is required unless DEMO_MODE=true/);
  });

  it('finishes in-flight webhooks on SIGTERM, then disconnects and exits 0', async () => {
    const prefix = `main-${Date.now()}.`;
    const started = runMain({
      ...base(),
      KAFKA_TOPIC_PREFIX: prefix,
      WEBHOOK_SECRET: TEST_SECRET,
      // Long enough that the requests are surely inside the app, waiting for their batch, at SIGTERM.
      PUBLISH_LINGER_MS: '300',
    });
    const url = await listeningUrl(started);
    const payloads = Array.from({ length: 10 }, () => webhookPayloads.tierUpgraded());
    const answers = payloads.map((payload) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-token': TEST_SECRET },
        body: JSON.stringify(payload),
      }),
    );
    await sleep(150);
    started.child.kill('SIGTERM');

    expect((await Promise.all(answers)).map((a) => a.status)).toEqual(payloads.map(() => 202));
    expect(await started.exited).toBe(0);
    expect(started.lines.some((l) => l.includes('producer disconnected'))).toBe(true);
    const wanted = new Set(payloads.map((p) => p['eventId']));
    const records = await readTopic(
      testBrokerList(),
      `${prefix}webhook-events.v1`,
      (all) => all.length >= wanted.size,
    );
    expect(new Set(records.map((r) => r.headers['eventId']))).toEqual(wanted);
  });
});
