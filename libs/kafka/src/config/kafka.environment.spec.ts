import { ConfigValidationError, validateEnvironment } from '@tiersync/env-config';
import { getMetadataStorage } from 'class-validator';
import { KAFKA_SECURITY_ENV } from '../security/kafka-security.settings';
import { KafkaEnvironment, kafkaConnectionFromEnv, kafkaConnectionOf } from './kafka.environment';

const BASE = { KAFKA_BROKERS: 'k1:9093,k2:9093', KAFKA_CLIENT_ID: 'unit' };

function connection(raw: Record<string, string>) {
  return kafkaConnectionOf(validateEnvironment(KafkaEnvironment, { ...BASE, ...raw }));
}

function refusal(raw: Record<string, string>): string {
  try {
    connection(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).message;
  }
  throw new Error('expected the environment to be refused');
}

describe(kafkaConnectionOf.name, () => {
  it('declares every security variable, so that each app validates and documents it', () => {
    const declared = getMetadataStorage()
      .getTargetValidationMetadatas(KafkaEnvironment, '', true, false)
      .map((entry) => entry.propertyName);
    expect(declared).toEqual(expect.arrayContaining(Object.values(KAFKA_SECURITY_ENV)));
  });

  it('connects in PLAINTEXT when no security variable is set', () => {
    const sut = connection({});
    expect(sut).toMatchObject({ brokers: ['k1:9093', 'k2:9093'], clientId: 'unit' });
    expect(sut.security?.settings.securityProtocol).toBe('PLAINTEXT');
    expect(sut.security?.options).toEqual({});
  });

  it('maps SASL_SSL with SCRAM-SHA-512 to kafkajs options, the system CAs trusted', () => {
    const sut = connection({
      KAFKA_SECURITY_PROTOCOL: 'sasl_ssl',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'tiersync',
      KAFKA_SASL_PASSWORD: ' pass word ',
    });
    expect(sut.security?.options).toEqual({
      ssl: {},
      sasl: { mechanism: 'scram-sha-512', username: 'tiersync', password: ' pass word ' },
    });
  });

  it('maps OAUTHBEARER to a token provider', () => {
    const sut = connection({
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_MECHANISM: 'OAUTHBEARER',
      KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL: 'https://idp.example.com/token',
      KAFKA_SASL_OAUTHBEARER_CLIENT_ID: 'client',
      KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET: 'client-secret',
    });
    expect(sut.security?.options.sasl).toMatchObject({ mechanism: 'oauthbearer' });
  });

  it.each([
    [{ KAFKA_SECURITY_PROTOCOL: 'tls-hunter2' }, 'KAFKA_SECURITY_PROTOCOL must be one of'],
    [
      { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'gssapi-hunter2' },
      'KAFKA_SASL_MECHANISM must be one of',
    ],
    [
      { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u' },
      'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=PLAIN',
    ],
    [{ KAFKA_SASL_PASSWORD: 'hunter2-password' }, 'KAFKA_SASL_PASSWORD set, but KAFKA_SECURITY_PROTOCOL'],
    [
      { KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_LOCATION: '/nowhere/hunter2-ca.pem' },
      'KAFKA_SSL_CA_LOCATION names a file that cannot be read (ENOENT)',
    ],
    [
      { KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_KEY_PASSWORD: 'hunter2-key-password' },
      'KAFKA_SSL_KEY_PASSWORD is set but KAFKA_SSL_KEY_LOCATION is not',
    ],
  ])('refuses %j at boot, naming the variable and not its value', (raw, problem) => {
    const message = refusal(raw);
    expect(message).toContain(`invalid configuration: ${problem}`);
    expect(message).not.toContain('hunter2');
  });
});

describe(kafkaConnectionFromEnv.name, () => {
  it('reads the block of a process that is not an app, with its own client id unless one is set', () => {
    const env = { KAFKA_BROKERS: 'k:9092', KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT' };
    const sut = kafkaConnectionFromEnv(
      { ...env, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      'bench',
    );
    expect(sut).toMatchObject({ brokers: ['k:9092'], clientId: 'bench' });
    expect(sut.security?.options).toEqual({
      sasl: { mechanism: 'scram-sha-256', username: 'u', password: 'p' },
    });
    expect(
      kafkaConnectionFromEnv({ KAFKA_BROKERS: 'k:9092', KAFKA_CLIENT_ID: 'mine' }, 'bench').clientId,
    ).toBe('mine');
    expect(() => kafkaConnectionFromEnv({}, 'bench')).toThrow(/KAFKA_BROKERS/);
  });
});
