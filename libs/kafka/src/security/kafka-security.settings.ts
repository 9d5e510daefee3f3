import { KafkaSecurityError } from './kafka-security.error';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export const ENDPOINT_IDENTIFICATION_ALGORITHMS = ['https', 'none'] as const;
export type EndpointIdentificationAlgorithm = (typeof ENDPOINT_IDENTIFICATION_ALGORITHMS)[number];

/** How a client secures its Kafka connections; each field is one librdkafka/Java client property. */
export interface KafkaSecuritySettings {
  securityProtocol: SecurityProtocol;
  sslCaLocation?: string;
  sslCertificateLocation?: string;
  sslKeyLocation?: string;
  sslKeyPassword?: string;
  sslEndpointIdentificationAlgorithm: EndpointIdentificationAlgorithm;
  saslMechanism?: SaslMechanism;
  saslUsername?: string;
  saslPassword?: string;
  saslOauthbearerTokenEndpointUrl?: string;
  saslOauthbearerClientId?: string;
  saslOauthbearerClientSecret?: string;
  saslOauthbearerScope?: string;
}

export const KAFKA_SECURITY_ENV: Readonly<Record<keyof KafkaSecuritySettings, string>> = {
  securityProtocol: 'KAFKA_SECURITY_PROTOCOL',
  sslCaLocation: 'KAFKA_SSL_CA_LOCATION',
  sslCertificateLocation: 'KAFKA_SSL_CERTIFICATE_LOCATION',
  sslKeyLocation: 'KAFKA_SSL_KEY_LOCATION',
  sslKeyPassword: 'KAFKA_SSL_KEY_PASSWORD',
  sslEndpointIdentificationAlgorithm: 'KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM',
  saslMechanism: 'KAFKA_SASL_MECHANISM',
  saslUsername: 'KAFKA_SASL_USERNAME',
  saslPassword: 'KAFKA_SASL_PASSWORD',
  saslOauthbearerTokenEndpointUrl: 'KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL',
  saslOauthbearerClientId: 'KAFKA_SASL_OAUTHBEARER_CLIENT_ID',
  saslOauthbearerClientSecret: 'KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET',
  saslOauthbearerScope: 'KAFKA_SASL_OAUTHBEARER_SCOPE',
};

const SECRETS = new Set<keyof KafkaSecuritySettings>([
  'sslKeyPassword',
  'saslPassword',
  'saslOauthbearerClientSecret',
]);

/** Enumerated values match case-insensitively, as librdkafka does; an empty variable counts as unset. */
export function readKafkaSecuritySettings(
  env: Readonly<Record<string, string | undefined>>,
): KafkaSecuritySettings {
  const text = (field: keyof KafkaSecuritySettings): string | undefined => {
    const raw = env[KAFKA_SECURITY_ENV[field]];
    // Secrets are taken as they are: a space may be part of a password.
    const value = SECRETS.has(field) ? raw : raw?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const saslMechanism = oneOf(SASL_MECHANISMS, 'saslMechanism', text('saslMechanism')?.toUpperCase());
  const settings: KafkaSecuritySettings = {
    securityProtocol:
      oneOf(SECURITY_PROTOCOLS, 'securityProtocol', text('securityProtocol')?.toUpperCase()) ?? 'PLAINTEXT',
    sslEndpointIdentificationAlgorithm:
      oneOf(
        ENDPOINT_IDENTIFICATION_ALGORITHMS,
        'sslEndpointIdentificationAlgorithm',
        text('sslEndpointIdentificationAlgorithm')?.toLowerCase(),
      ) ?? 'https',
    ...(saslMechanism && { saslMechanism }),
  };
  const strings = [
    'sslCaLocation',
    'sslCertificateLocation',
    'sslKeyLocation',
    'sslKeyPassword',
    'saslUsername',
    'saslPassword',
    'saslOauthbearerTokenEndpointUrl',
    'saslOauthbearerClientId',
    'saslOauthbearerClientSecret',
    'saslOauthbearerScope',
  ] as const;
  for (const field of strings) {
    const value = text(field);
    if (value !== undefined) {
      settings[field] = value;
    }
  }
  return settings;
}

function oneOf<T extends string>(
  allowed: readonly T[],
  field: keyof KafkaSecuritySettings,
  value: string | undefined,
): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  const match = allowed.find((a) => a.toUpperCase() === value.toUpperCase());
  if (match === undefined) {
    throw new KafkaSecurityError(`${KAFKA_SECURITY_ENV[field]} must be one of ${allowed.join(', ')}`);
  }
  return match;
}
