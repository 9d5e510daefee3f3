import { ConfigValidationError } from '@tiersync/env-config';
import { loadOpsConfig, requireCapillary, requireKafka } from './ops.config';

const minimal = { KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093' };

function problemOf(env: Record<string, string>, overrides = {}): string {
  try {
    loadOpsConfig(env, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe(loadOpsConfig.name, () => {
  it('applies the defaults tier-sync uses, so both address the same topics and group', () => {
    const config = loadOpsConfig(minimal);
    expect(config.kafka).toMatchObject({
      brokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      topicPrefix: 'tiersync.',
      consumerGroup: 'tiersync.tier-sync',
      clientId: 'tiersync-ops-cli',
      replicationFactor: 1,
    });
    expect(config.kafka.topics.deadLetters).toBe('tiersync.dlq.v1');
    expect(config.capillary).toBeUndefined();
    expect(config.downgradePolicy).toBe('mirror');
  });

  it('connects with the TLS/SASL variables every process reads, refusing a wrong one by name only', () => {
    const sasl = {
      ...minimal,
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'ops',
      KAFKA_SASL_PASSWORD: 'ops-password-4711',
    };
    expect(loadOpsConfig(sasl).kafka.security?.options.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'ops',
      password: 'ops-password-4711',
    });
    const problem = problemOf({ ...sasl, KAFKA_SASL_MECHANISM: 'kerberos-4711' });
    expect(problem).toContain('KAFKA_SASL_MECHANISM must be one of');
    expect(problem).not.toContain('4711');
  });

  it('lets flags override variables and treats empty values as unset', () => {
    const config = loadOpsConfig(
      { ...minimal, KAFKA_TOPIC_PREFIX: 'env.', KAFKA_CONSUMER_GROUP: '' },
      { KAFKA_TOPIC_PREFIX: 'flag.', KAFKA_BROKERS: undefined },
    );
    expect(config.kafka.topics.groupCommands).toBe('flag.group-commands.v1');
    // Like tier-sync, the default consumer group follows the prefix.
    expect(config.kafka.consumerGroup).toBe('flag.tier-sync');
    expect(config.kafka.brokers).toHaveLength(2);
  });

  it('builds Capillary client options for basic and oauth', () => {
    const basic = loadOpsConfig({
      ...minimal,
      CAPILLARY_BASE_URL: 'http://127.0.0.1:4010/',
      CAPILLARY_USERNAME: 'till',
      CAPILLARY_PASSWORD: 'pw',
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '600',
    });
    expect(requireCapillary(basic)).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      auth: { kind: 'basic', username: 'till', password: 'pw' },
      source: 'INSTORE',
      rateLimitPerMinute: 600,
      maxConcurrency: 10,
      timeoutMs: 10_000,
    });
    const oauth = loadOpsConfig({
      ...minimal,
      CAPILLARY_BASE_URL: 'https://eu.api.capillarytech.com',
      CAPILLARY_AUTH: 'oauth',
      CAPILLARY_OAUTH_KEY: 'k',
      CAPILLARY_OAUTH_SECRET: 's',
    });
    expect(oauth.capillary?.auth).toEqual({ kind: 'oauth', key: 'k', secret: 's' });
  });

  it('asks for CAPILLARY_BASE_URL only when a command needs Capillary', () => {
    expect(() => requireCapillary(loadOpsConfig(minimal))).toThrow('set CAPILLARY_BASE_URL');
  });

  it.each([
    [{ KAFKA_BROKERS: '127.0.0.1:9092 127.0.0.1:9093' }, 'KAFKA_BROKERS'],
    [{ KAFKA_TOPIC_PREFIX: 'bad prefix' }, 'KAFKA_TOPIC_PREFIX'],
    [{ KAFKA_CONSUMER_GROUP: 'a b' }, 'KAFKA_CONSUMER_GROUP'],
    [{ KAFKA_REPLICATION_FACTOR: '0' }, 'KAFKA_REPLICATION_FACTOR'],
    [{ CAPILLARY_BASE_URL: 'not a url' }, 'CAPILLARY_BASE_URL'],
    [{ CAPILLARY_BASE_URL: 'http://x:1' }, 'CAPILLARY_USERNAME'],
    [{ CAPILLARY_BASE_URL: 'http://x:1', CAPILLARY_AUTH: 'oauth' }, 'CAPILLARY_OAUTH_KEY'],
    [{ CAPILLARY_AUTH: 'token' }, 'CAPILLARY_AUTH'],
    [{ CAPILLARY_RATE_LIMIT_PER_MINUTE: '-1' }, 'CAPILLARY_RATE_LIMIT_PER_MINUTE'],
    [{ CAPILLARY_RATE_LIMIT_PER_MINUTE: '1.5' }, 'CAPILLARY_RATE_LIMIT_PER_MINUTE'],
    [{ CAPILLARY_MAX_CONCURRENCY: 'ten' }, 'CAPILLARY_MAX_CONCURRENCY'],
    [{ CAPILLARY_SOURCE: 'SHOP' }, 'CAPILLARY_SOURCE'],
    [{ SYNC_DOWNGRADE_POLICY: 'never' }, 'SYNC_DOWNGRADE_POLICY'],
  ])('rejects %j naming %s', (override, name) => {
    expect(problemOf({ ...minimal, ...override })).toContain(name);
  });

  it('asks for KAFKA_BROKERS only when a command reads or writes Kafka (doctor does not)', () => {
    expect(() => requireKafka(loadOpsConfig({}))).toThrow('set KAFKA_BROKERS');
    expect(() => requireKafka(loadOpsConfig({ KAFKA_BROKERS: '' }))).toThrow('set KAFKA_BROKERS');
    expect(requireKafka(loadOpsConfig(minimal)).brokers).toHaveLength(2);
  });

  it('never echoes a value in its error, since some are secrets', () => {
    const message = problemOf({
      ...minimal,
      CAPILLARY_BASE_URL: 'http://x:1',
      CAPILLARY_AUTH: 'oauth',
      CAPILLARY_OAUTH_SECRET: 'hunter2-secret',
    });
    expect(message).toContain('CAPILLARY_OAUTH_KEY');
    expect(message).not.toContain('hunter2-secret');
  });
});
