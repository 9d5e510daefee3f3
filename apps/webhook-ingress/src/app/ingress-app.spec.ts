import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { InstantProducer } from '@tiersync/kafka/testing';
import { capillarySamples } from '@tiersync/tier-events';
import { loadIngressConfig } from '../config/ingress.config';
import { createIngressApp } from './ingress-app.factory';

const SECRET = 'unit-test-secret-0123456789';
const env = {
  KAFKA_BROKERS: 'unused:9092',
  WEBHOOK_SECRET: SECRET,
  WEBHOOK_PATH: '/hooks/capillary',
  WEBHOOK_AUTH_HEADER: 'X-Cap-Token',
  PUBLISH_DEADLINE_MS: '50',
  RETRY_AFTER_SECONDS: '9',
  LOG_LEVEL: 'fatal',
};

describe(createIngressApp.name, () => {
  let app: NestFastifyApplication;
  let sink: InstantProducer;

  const post = (payload: unknown, headers: Record<string, string> = { 'x-cap-token': SECRET }) =>
    app.inject({
      method: 'POST',
      url: '/hooks/capillary',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(payload),
    });

  afterEach(() => app.close());

  describe('with a sink that acknowledges', () => {
    beforeEach(async () => {
      sink = new InstantProducer();
      app = await createIngressApp(loadIngressConfig(env), { producer: sink });
    });

    it('serves the webhook at WEBHOOK_PATH behind WEBHOOK_AUTH_HEADER and publishes to the events topic', async () => {
      const payload = capillarySamples.tierUpgraded();
      const response = await post(payload);
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ eventId: payload['eventId'] });
      expect(sink.batches.map((b) => b.topic)).toEqual(['tiersync.webhook-events.v1']);
      expect((await post(payload, { 'x-webhook-token': SECRET })).statusCode).toBe(401);
    });

    it('is ready only while the sink is connected', async () => {
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      sink.isConnected = false;
      const notReady = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(notReady.statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    });

    it('exposes Prometheus metrics counting outcomes', async () => {
      await post(capillarySamples.tierUpgraded());
      await post({ not: 'an event' });
      await post(capillarySamples.tierUpgraded(), {});
      const metrics = await app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
      expect(metrics.body).toContain('tiersync_ingress_webhook_requests_total{outcome="accepted"} 1');
      expect(metrics.body).toContain('tiersync_ingress_webhook_requests_total{outcome="rejected"} 1');
      expect(metrics.body).toContain('tiersync_ingress_webhook_requests_total{outcome="unauthorized"} 1');
      expect(metrics.body).toMatch(
        /tiersync_ingress_publish_duration_seconds_count\{topic="tiersync.webhook-events.v1"\} 1/,
      );
    });
  });

  it('answers 429 with Retry-After when Kafka does not acknowledge within PUBLISH_DEADLINE_MS', async () => {
    const config = loadIngressConfig({ ...env, SHUTDOWN_TIMEOUT_MS: '10' });
    // Never acknowledges: Kafka accepting connections but not answering.
    app = await createIngressApp(config, { producer: new InstantProducer({ acknowledge: false }) });
    const response = await post(capillarySamples.tierUpgraded());
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('9');
  });
});
