import {
  clientVariables,
  readSecureKafkaTestEnv,
  SECURE_KAFKA_TEST_ENV,
  secureKafkaTestEnv,
  type SecureKafkaAccess,
} from './secure-access';

const access: SecureKafkaAccess = {
  saslBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
  mtlsBrokers: ['127.0.0.1:3'],
  caLocation: '/d/ca.pem',
  certificateLocation: '/d/client.pem',
  keyLocation: '/d/client.key',
  keyPassword: 'kp',
  saslUsername: 'tiersync',
  saslPassword: 'pw',
  oauthbearerScope: 'kafka',
};

describe(readSecureKafkaTestEnv.name, () => {
  it('reads back what the global setup exported', () => {
    expect(readSecureKafkaTestEnv(secureKafkaTestEnv(access))).toEqual(access);
  });

  it('fails with the reason the global setup gave when it had no secured broker', () => {
    expect(() => readSecureKafkaTestEnv({ KAFKA_SECURE_UNAVAILABLE: 'mvn not found' })).toThrow(
      'No secured Kafka broker for this run: mvn not found',
    );
  });

  it('names the variables that are missing', () => {
    const env = { ...secureKafkaTestEnv(access), [SECURE_KAFKA_TEST_ENV.keyPassword]: '' };
    expect(() => readSecureKafkaTestEnv(env)).toThrow('KAFKA_SECURE_KEY_PASSWORD not set');
  });
});

describe(clientVariables.name, () => {
  it("prints each listener's settings under the variable names the apps read", () => {
    expect(clientVariables(access, 'sasl')).toEqual({
      KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:2',
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SSL_CA_LOCATION: '/d/ca.pem',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'tiersync',
      KAFKA_SASL_PASSWORD: 'pw',
    });
    expect(clientVariables(access, 'mtls')).toEqual({
      KAFKA_BROKERS: '127.0.0.1:3',
      KAFKA_SECURITY_PROTOCOL: 'SSL',
      KAFKA_SSL_CA_LOCATION: '/d/ca.pem',
      KAFKA_SSL_CERTIFICATE_LOCATION: '/d/client.pem',
      KAFKA_SSL_KEY_LOCATION: '/d/client.key',
      KAFKA_SSL_KEY_PASSWORD: 'kp',
    });
  });
});
