import { ConfigValidationError } from '@tiersync/env-config';
import { loadTierSyncConfig, type TierSyncConfig } from './tier-sync.config';

const minimal = {
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  CAPILLARY_BASE_URL: 'http://127.0.0.1:4010',
  CAPILLARY_USERNAME: 'till',
  CAPILLARY_PASSWORD: 'very-secret-password',
};

function configOf(raw: Record<string, string>): TierSyncConfig {
  return loadTierSyncConfig(raw);
}

function problemOf(raw: Record<string, string>): string {
  try {
    loadTierSyncConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the environment to be rejected');
}

describe(loadTierSyncConfig.name, () => {
  it('applies the documented defaults to a minimal environment', () => {
    const config = configOf(minimal);
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.kafka.topics.webhookEvents).toBe('tiersync.webhook-events.v1');
    expect(config.kafka.consumerGroup).toBe('tiersync.tier-sync');
    expect(config.capillary).toMatchObject({
      auth: { kind: 'basic', username: 'till', password: 'very-secret-password' },
      source: 'INSTORE',
      rateLimitPerMinute: 90,
      maxConcurrency: 10,
      timeoutMs: 10_000,
    });
    expect(config.sync).toMatchObject({
      downgradePolicy: 'mirror',
      target: 'current',
      dryRun: false,
      validity: { kind: 'AS_PER_TIER_STRATEGY', alignToPrimary: false, reassessOnNextActivity: false },
      retry: { maxAttempts: 5, inProcessAttempts: 3 },
    });
    expect(config.http.port).toBe(3001);
  });

  it('converts numbers and booleans and honours every sync option', () => {
    const config = configOf({
      ...minimal,
      KAFKA_TOPIC_PREFIX: 'e2e-1.',
      SYNC_DOWNGRADE_POLICY: 'upgrade-only',
      SYNC_VALIDITY: 'FIXED_DURATION',
      SYNC_VALIDITY_UPTO: '30',
      SYNC_ALIGN_EXPIRY: 'true',
      SYNC_REASSESS_ON_NEXT_ACTIVITY: '1',
      SYNC_TARGET: 'event',
      SYNC_DRY_RUN: 'TRUE',
      SYNC_MAX_ATTEMPTS: '2',
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '6000',
      SYNC_RENEWAL_ACTION: 'EXTEND_CURRENT_TIER_EXPIRY_DATE',
    });
    expect(config.kafka.topics.groupCommands).toBe('e2e-1.group-commands.v1');
    expect(config.sync).toMatchObject({
      downgradePolicy: 'upgrade-only',
      target: 'event',
      dryRun: true,
      renewalAction: 'EXTEND_CURRENT_TIER_EXPIRY_DATE',
      validity: { kind: 'FIXED_DURATION', upto: '30', alignToPrimary: true, reassessOnNextActivity: true },
      retry: { maxAttempts: 2 },
    });
    expect(config.capillary.rateLimitPerMinute).toBe(6000);
  });

  it('treats an empty variable as unset', () => {
    expect(configOf({ ...minimal, SYNC_VALIDITY_UPTO: '', SYNC_HTTP_PORT: '' }).http.port).toBe(3001);
  });

  it('reads OAuth credentials when CAPILLARY_AUTH=oauth', () => {
    const config = configOf({
      KAFKA_BROKERS: 'k:9092',
      CAPILLARY_BASE_URL: 'https://eu.api.capillarytech.com',
      CAPILLARY_AUTH: 'oauth',
      CAPILLARY_OAUTH_KEY: 'key',
      CAPILLARY_OAUTH_SECRET: 'secret',
    });
    expect(config.capillary.auth).toEqual({ kind: 'oauth', key: 'key', secret: 'secret' });
  });

  it.each([
    [{ KAFKA_BROKERS: '' }, 'KAFKA_BROKERS'],
    [{ CAPILLARY_BASE_URL: 'not a url' }, 'CAPILLARY_BASE_URL'],
    [{ CAPILLARY_PASSWORD: '' }, 'CAPILLARY_PASSWORD'],
    [{ CAPILLARY_AUTH: 'oauth' }, 'CAPILLARY_OAUTH_KEY'],
    [{ CAPILLARY_AUTH: 'token' }, 'CAPILLARY_AUTH'],
    [{ SYNC_DOWNGRADE_POLICY: 'never' }, 'SYNC_DOWNGRADE_POLICY'],
    [{ SYNC_VALIDITY: 'FIXED_DURATION' }, 'whole number of days'],
    [{ SYNC_VALIDITY: 'FIXED_DURATION', SYNC_VALIDITY_UPTO: '2.5' }, 'whole number of days'],
    [{ SYNC_VALIDITY: 'SPECIFIC_DATE', SYNC_VALIDITY_UPTO: '2026-02-30' }, 'YYYY-MM-DD'],
    [{ SYNC_VALIDITY: 'SPECIFIC_DATE' }, 'YYYY-MM-DD'],
    [{ SYNC_TARGET: 'latest' }, 'SYNC_TARGET'],
    [{ SYNC_MAX_ATTEMPTS: '0' }, 'SYNC_MAX_ATTEMPTS'],
    [{ SYNC_DRY_RUN: 'maybe' }, 'SYNC_DRY_RUN'],
    [{ CAPILLARY_MAX_CONCURRENCY: 'ten' }, 'CAPILLARY_MAX_CONCURRENCY'],
    [{ KAFKA_TOPIC_PREFIX: 'bad prefix' }, 'KAFKA_TOPIC_PREFIX'],
  ])('rejects %j naming %s', (override, expected) => {
    expect(problemOf({ ...minimal, ...override })).toContain(expected);
  });

  it('never echoes a value in its error, since some are secrets', () => {
    const message = problemOf({
      ...minimal,
      CAPILLARY_AUTH: 'oauth',
      CAPILLARY_OAUTH_SECRET: 'hunter2-secret',
    });
    expect(message).toContain('CAPILLARY_OAUTH_KEY');
    expect(message).not.toContain('hunter2-secret');
    expect(message).not.toContain('very-secret-password');
  });

  it('accepts a valid SPECIFIC_DATE', () => {
    const config = configOf({ ...minimal, SYNC_VALIDITY: 'SPECIFIC_DATE', SYNC_VALIDITY_UPTO: '2028-02-29' });
    expect(config.sync.validity).toMatchObject({ kind: 'SPECIFIC_DATE', upto: '2028-02-29' });
  });
});
