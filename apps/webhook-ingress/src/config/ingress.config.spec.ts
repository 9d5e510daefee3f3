import { ConfigValidationError } from '@tiersync/env-config';
import { loadIngressConfig } from './ingress.config';

const SECRET = 'a-secret-of-enough-length';
const minimal = { KAFKA_BROKERS: 'k1:9092, k2:9092', WEBHOOK_SECRET: SECRET };

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadIngressConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe(loadIngressConfig.name, () => {
  it('applies the documented defaults', () => {
    const config = loadIngressConfig(minimal);
    expect(config.kafka.brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.kafka.topics.webhookEvents).toBe('tiersync.webhook-events.v1');
    expect(config.kafka.topics.webhookRejected).toBe('tiersync.webhook-rejected.v1');
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 3000,
      webhookPath: '/webhooks/capillary',
      maxBodyBytes: 1024 * 1024,
      shutdownTimeoutMs: 10_000,
    });
    expect(config.auth).toEqual({ headerName: 'x-webhook-token', secret: SECRET });
    expect(config.demoMode).toBe(false);
    expect(config.logLevels).toEqual(['fatal', 'error', 'warn', 'log']);
  });

  it('reads every variable it documents', () => {
    const config = loadIngressConfig({
      ...minimal,
      KAFKA_TOPIC_PREFIX: 'acme.',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_REPLICATION_FACTOR: '3',
      INGRESS_PORT: '8080',
      WEBHOOK_PATH: '/hooks/cap',
      WEBHOOK_AUTH_HEADER: 'X-Capillary-Token',
      WEBHOOK_MAX_BODY_BYTES: '65536',
      PUBLISH_DEADLINE_MS: '500',
      PUBLISH_LINGER_MS: '0',
      RETRY_AFTER_SECONDS: '5',
      LOG_LEVEL: 'debug',
    });
    expect(config.kafka).toMatchObject({ partitions: 12, replicationFactor: 3 });
    expect(config.kafka.topics.webhookEvents).toBe('acme.webhook-events.v1');
    expect(config.http).toMatchObject({ port: 8080, webhookPath: '/hooks/cap', maxBodyBytes: 65536 });
    expect(config.auth.headerName).toBe('x-capillary-token');
    expect(config.publishing).toMatchObject({ deadlineMs: 500, lingerMs: 0, retryAfterSeconds: 5 });
    expect(config.logLevels).toContain('debug');
  });

  it("takes tier-sync's `log` as `info`, so one LOG_LEVEL fits both apps", () => {
    const withLevel = (LOG_LEVEL: string) =>
      loadIngressConfig({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: 'true', LOG_LEVEL });
    expect(withLevel('log').logLevels).toEqual(withLevel('info').logLevels);
    expect(withLevel('info').logLevels).not.toContain('debug');
  });

  it('refuses to start without a secret', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:9092' })).toEqual([
      'WEBHOOK_SECRET is required unless DEMO_MODE=true',
    ]);
    expect(problemsOf({ KAFKA_BROKERS: 'k:9092', WEBHOOK_SECRET: '' })).toHaveLength(1);
  });

  it('runs without a secret only when DEMO_MODE=true is spelled out', () => {
    expect(loadIngressConfig({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: 'true' }).auth.secret).toBeUndefined();
    expect(problemsOf({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: 'false' })).toHaveLength(1);
    expect([...problemsOf({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: '1' })].sort()).toEqual([
      'DEMO_MODE must be true or false',
      'WEBHOOK_SECRET is required unless DEMO_MODE=true',
    ]);
  });

  it('still checks a secret given in demo mode', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:9092', DEMO_MODE: 'true', WEBHOOK_SECRET: 'short' })).toHaveLength(
      1,
    );
  });

  it('requires KAFKA_BROKERS and lists every problem at once, without echoing values', () => {
    const problems = problemsOf({ WEBHOOK_SECRET: 'short', INGRESS_PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/KAFKA_BROKERS/);
    expect(problems.join(' ')).not.toMatch(/short|eighty|loud/);
  });

  it('rejects malformed values', () => {
    expect(problemsOf({ ...minimal, KAFKA_BROKERS: ' , ' })).toHaveLength(1);
    expect(problemsOf({ ...minimal, WEBHOOK_PATH: 'no-slash' })).toHaveLength(1);
    expect(problemsOf({ ...minimal, WEBHOOK_AUTH_HEADER: 'bad header' })).toHaveLength(1);
    expect(problemsOf({ ...minimal, WEBHOOK_MAX_BODY_BYTES: '10' })).toHaveLength(1);
    expect(problemsOf({ ...minimal, KAFKA_TOPIC_PARTITIONS: '0' })).toHaveLength(1);
  });

  it('treats an empty variable as unset', () => {
    expect(loadIngressConfig({ ...minimal, INGRESS_PORT: '', KAFKA_TOPIC_PREFIX: '' }).http.port).toBe(3000);
  });
});
