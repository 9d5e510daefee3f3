import { KafkaSecurityError } from './kafka-security.error';
import { readKafkaSecuritySettings } from './kafka-security.settings';

describe(readKafkaSecuritySettings.name, () => {
  it('defaults to PLAINTEXT with the server-name check on', () => {
    expect(readKafkaSecuritySettings({})).toEqual({
      securityProtocol: 'PLAINTEXT',
      sslEndpointIdentificationAlgorithm: 'https',
    });
  });

  it('reads every variable, matching enumerated values case-insensitively', () => {
    const sut = readKafkaSecuritySettings({
      KAFKA_SECURITY_PROTOCOL: 'sasl_ssl',
      KAFKA_SSL_CA_LOCATION: ' /certs/ca.pem ',
      KAFKA_SSL_CERTIFICATE_LOCATION: '/certs/client.pem',
      KAFKA_SSL_KEY_LOCATION: '/certs/client.key',
      KAFKA_SSL_KEY_PASSWORD: 'key pass',
      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: 'NONE',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'user',
      KAFKA_SASL_PASSWORD: ' pass ',
      KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL: 'https://idp/token',
      KAFKA_SASL_OAUTHBEARER_CLIENT_ID: 'client',
      KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET: 'secret',
      KAFKA_SASL_OAUTHBEARER_SCOPE: 'kafka',
    });
    expect(sut).toEqual({
      securityProtocol: 'SASL_SSL',
      sslCaLocation: '/certs/ca.pem',
      sslCertificateLocation: '/certs/client.pem',
      sslKeyLocation: '/certs/client.key',
      sslKeyPassword: 'key pass',
      sslEndpointIdentificationAlgorithm: 'none',
      saslMechanism: 'SCRAM-SHA-512',
      saslUsername: 'user',
      saslPassword: ' pass ',
      saslOauthbearerTokenEndpointUrl: 'https://idp/token',
      saslOauthbearerClientId: 'client',
      saslOauthbearerClientSecret: 'secret',
      saslOauthbearerScope: 'kafka',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readKafkaSecuritySettings({ KAFKA_SECURITY_PROTOCOL: ' ', KAFKA_SASL_PASSWORD: '' })).toEqual({
      securityProtocol: 'PLAINTEXT',
      sslEndpointIdentificationAlgorithm: 'https',
    });
  });

  it.each([
    ['KAFKA_SECURITY_PROTOCOL', 'TLS-ish-value'],
    ['KAFKA_SASL_MECHANISM', 'GSSAPI-ish-value'],
    ['KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM', 'ldaps-ish-value'],
  ])('refuses an unknown %s, naming the variable and the allowed values, not the value', (name, value) => {
    const read = (): unknown => readKafkaSecuritySettings({ [name]: value });
    expect(read).toThrow(KafkaSecurityError);
    expect(read).toThrow(new RegExp(`^${name} must be one of `));
    expect(read).not.toThrow(value);
  });
});
