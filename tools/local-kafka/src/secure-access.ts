export interface SecureKafkaAccess {
  saslBrokers: string[];
  mtlsBrokers: string[];
  caLocation: string;
  certificateLocation: string;
  keyLocation: string;
  keyPassword: string;
  saslUsername: string;
  saslPassword: string;
  oauthbearerScope: string;
}

export const SECURE_KAFKA_TEST_ENV: Readonly<Record<keyof SecureKafkaAccess, string>> = {
  saslBrokers: 'KAFKA_SECURE_SASL_BROKERS',
  mtlsBrokers: 'KAFKA_SECURE_MTLS_BROKERS',
  caLocation: 'KAFKA_SECURE_CA_LOCATION',
  certificateLocation: 'KAFKA_SECURE_CERTIFICATE_LOCATION',
  keyLocation: 'KAFKA_SECURE_KEY_LOCATION',
  keyPassword: 'KAFKA_SECURE_KEY_PASSWORD',
  saslUsername: 'KAFKA_SECURE_SASL_USERNAME',
  saslPassword: 'KAFKA_SECURE_SASL_PASSWORD',
  oauthbearerScope: 'KAFKA_SECURE_OAUTHBEARER_SCOPE',
};

export const SECURE_KAFKA_UNAVAILABLE_ENV = 'KAFKA_SECURE_UNAVAILABLE';

export function secureKafkaTestEnv(access: SecureKafkaAccess): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SECURE_KAFKA_TEST_ENV).map(([field, name]) => {
      const value = access[field as keyof SecureKafkaAccess];
      return [name, Array.isArray(value) ? value.join(',') : value];
    }),
  );
}

/** Throws when there is none: a secure test must not pass without having talked to a secured broker. */
export function readSecureKafkaTestEnv(env: NodeJS.ProcessEnv = process.env): SecureKafkaAccess {
  const unavailable = env[SECURE_KAFKA_UNAVAILABLE_ENV];
  if (unavailable) {
    throw new Error(`No secured Kafka broker for this run: ${unavailable}`);
  }
  const missing = Object.values(SECURE_KAFKA_TEST_ENV).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `No secured Kafka broker for this run: ${missing.join(', ')} not set (run through jest.integration.config.js, or set them all)`,
    );
  }
  const value = (field: keyof SecureKafkaAccess): string => env[SECURE_KAFKA_TEST_ENV[field]] ?? '';
  const list = (field: keyof SecureKafkaAccess): string[] => value(field).split(',');
  return {
    saslBrokers: list('saslBrokers'),
    mtlsBrokers: list('mtlsBrokers'),
    caLocation: value('caLocation'),
    certificateLocation: value('certificateLocation'),
    keyLocation: value('keyLocation'),
    keyPassword: value('keyPassword'),
    saslUsername: value('saslUsername'),
    saslPassword: value('saslPassword'),
    oauthbearerScope: value('oauthbearerScope'),
  };
}

export function clientVariables(
  access: SecureKafkaAccess,
  listener: 'sasl' | 'mtls',
): Record<string, string> {
  const tls = { KAFKA_SSL_CA_LOCATION: access.caLocation };
  if (listener === 'sasl') {
    return {
      KAFKA_BROKERS: access.saslBrokers.join(','),
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      ...tls,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: access.saslUsername,
      KAFKA_SASL_PASSWORD: access.saslPassword,
    };
  }
  return {
    KAFKA_BROKERS: access.mtlsBrokers.join(','),
    KAFKA_SECURITY_PROTOCOL: 'SSL',
    ...tls,
    KAFKA_SSL_CERTIFICATE_LOCATION: access.certificateLocation,
    KAFKA_SSL_KEY_LOCATION: access.keyLocation,
    KAFKA_SSL_KEY_PASSWORD: access.keyPassword,
  };
}
