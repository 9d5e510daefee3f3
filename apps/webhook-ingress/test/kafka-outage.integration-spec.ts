import { testBrokers } from '@tiersync/kafka/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { startIngress, type RunningIngress } from './ingress-harness';
import { TcpProxy } from './tcp-proxy';
import { readTopic } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

/**
 * Kafka disappears and comes back while the app runs: every connection to the broker passes a proxy the
 * test cuts, so the shared broker itself keeps running.
 */
describe('webhook ingress during a Kafka outage', () => {
  let proxy: TcpProxy;
  let ingress: RunningIngress;
  const accepted: string[] = [];

  beforeAll(async () => {
    proxy = await TcpProxy.start(testBrokers()[0] ?? '');
    ingress = await startIngress(
      { KAFKA_BROKERS: `127.0.0.1:${proxy.port}`, PUBLISH_DEADLINE_MS: '400', RETRY_AFTER_SECONDS: '7' },
      { kafkaClient: { socketFactory: proxy.socketFactory } },
    );
  });
  afterAll(async () => {
    await ingress.close();
    await proxy.close();
  });

  const post = async (): Promise<Response> => {
    const payload = webhookPayloads.tierUpgraded(700 + (accepted.length % 5));
    const response = await ingress.post(payload);
    if (response.status === 202) {
      accepted.push(String(payload['eventId']));
    }
    return response;
  };

  it('answers 429 with Retry-After while the broker is unreachable, and 202 again once it is back', async () => {
    expect((await post()).status).toBe(202);

    proxy.cut();
    const during = await Promise.all([post(), post(), post()]);
    expect(during.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(during[0].headers.get('retry-after')).toBe('7');
    expect(await during[0].json()).toEqual({ error: 'temporarily unavailable, retry later' });
    expect((await post()).status).toBe(429); // not just the requests in flight at the cut

    proxy.restore();
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 202; attempt++) {
      status = (await post()).status;
      expect([202, 429]).toContain(status); // never a 5xx, never a 400 for a transient fault
      if (status !== 202) {
        await sleep(250);
      }
    }
    expect(status).toBe(202);
    for (let i = 0; i < 5; i++) {
      expect((await post()).status).toBe(202);
    }

    const metrics = await (await ingress.get('/metrics')).text();
    expect(metrics).toMatch(/tiersync_ingress_webhook_requests_total\{outcome="unavailable"\} [1-9]/);
  });

  it('has every acknowledged event in the topic', async () => {
    expect(accepted.length).toBeGreaterThanOrEqual(7);
    const wanted = new Set(accepted);
    const records = await readTopic(testBrokers(), ingress.config.kafka.topics.webhookEvents, (all) => {
      const seen = new Set(all.map((r) => r.headers['eventId']));
      return [...wanted].every((id) => seen.has(id));
    });
    expect(records.length).toBeGreaterThanOrEqual(accepted.length);
  });
});
