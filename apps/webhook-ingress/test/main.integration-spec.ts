import { AppProcess } from '@tiersync/app-process';
import { testBrokers } from '@tiersync/kafka/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_SECRET } from './ingress-harness';
import { readTopic } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

/** apps/webhook-ingress/src/main.ts as its own process, as in production, with only `env`. */
function runMain(env: Record<string, string>): AppProcess {
  const app = new AppProcess('webhook-ingress');
  app.start(env);
  return app;
}

describe('apps/webhook-ingress/src/main.ts', () => {
  const base = () => ({
    KAFKA_BROKERS: testBrokers().join(','),
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
  });

  it('refuses to start without WEBHOOK_SECRET and says why, exit code 1', async () => {
    const started = runMain(base());
    expect(await started.exited()).toBe(1);
    const lines = started.logs().split('\n');
    const fatal = lines.map((l) => JSON.parse(l) as { level: string; message: string }).at(-1);
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
    const url = await started.listeningUrl();
    const payloads = Array.from({ length: 10 }, () => webhookPayloads.tierUpgraded());
    const answers = payloads.map((payload) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-token': TEST_SECRET },
        body: JSON.stringify(payload),
      }),
    );
    await sleep(150);
    const stopped = started.stop();

    expect((await Promise.all(answers)).map((a) => a.status)).toEqual(payloads.map(() => 202));
    expect(await stopped).toBe(0);
    expect(started.logs()).toContain('producer disconnected');
    const wanted = new Set(payloads.map((p) => p['eventId']));
    const records = await readTopic(
      testBrokers(),
      `${prefix}webhook-events.v1`,
      (all) => all.length >= wanted.size,
    );
    expect(new Set(records.map((r) => r.headers['eventId']))).toEqual(wanted);
  });
});
