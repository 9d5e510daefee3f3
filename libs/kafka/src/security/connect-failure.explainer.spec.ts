import {
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import { connectExplained, explainConnectFailure } from './connect-failure.explainer';
import { KafkaSecurityError } from './kafka-security.error';
import { type KafkaSecuritySettings } from './kafka-security.settings';

const sasl: KafkaSecuritySettings = {
  securityProtocol: 'SASL_SSL',
  sslCaLocation: '/ca.pem',
  sslEndpointIdentificationAlgorithm: 'https',
  saslMechanism: 'SCRAM-SHA-512',
  saslUsername: 'u',
  saslPassword: 'p',
};
const mtls: KafkaSecuritySettings = {
  securityProtocol: 'SSL',
  sslEndpointIdentificationAlgorithm: 'https',
};

/** A TLS failure as kafkajs reports it after its retries: the socket's code on the cause. */
function afterRetries(code: string): Error {
  const connection = new KafkaJSConnectionError('Connection error: tls', { broker: 'b:1', code });
  return new KafkaJSNumberOfRetriesExceeded(connection, { retryCount: 5, retryTime: 100 });
}

function explained(error: unknown, settings: KafkaSecuritySettings): string {
  const result = explainConnectFailure(error, settings);
  expect(result).toBeInstanceOf(KafkaSecurityError);
  expect((result as KafkaSecurityError).cause).toBe(error);
  return (result as KafkaSecurityError).message;
}

describe(explainConnectFailure.name, () => {
  it('names the SASL credentials when authentication fails', () => {
    // kafkajs' typings declare no constructor arguments; its code takes the message.
    const SaslError = KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error;
    const error = new SaslError('SASL SCRAM SHA512 authentication failed');
    expect(explained(error, sasl)).toBe(
      'Kafka refused the connection: SASL authentication failed: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM',
    );
    expect(explained(error, { ...sasl, saslMechanism: 'OAUTHBEARER' })).toContain(
      'KAFKA_SASL_OAUTHBEARER_SCOPE',
    );
  });

  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ])('names the CA file for %s', (code) => {
    expect(explained(afterRetries(code), sasl)).toContain('not signed by a CA in KAFKA_SSL_CA_LOCATION');
    expect(explained(afterRetries(code), mtls)).toContain(
      'a CA the system trusts: set KAFKA_SSL_CA_LOCATION',
    );
  });

  it('names the server-name check when the certificate is for another host', () => {
    expect(explained(afterRetries('ERR_TLS_CERT_ALTNAME_INVALID'), sasl)).toContain(
      'KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=none',
    );
  });

  it.each(['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'])(
    'names the client certificate when the broker answers %s',
    (code) => {
      expect(explained(afterRetries(code), mtls)).toContain(
        'requires a client certificate: set KAFKA_SSL_CERTIFICATE_LOCATION',
      );
      const withCertificate = { ...mtls, sslCertificateLocation: '/c.pem', sslKeyLocation: '/c.key' };
      expect(explained(afterRetries(code), withCertificate)).toContain(
        'does not accept the client certificate in KAFKA_SSL_CERTIFICATE_LOCATION',
      );
    },
  );

  it('names the protocol when a TLS client meets a plain listener', () => {
    expect(explained(afterRetries('ERR_SSL_WRONG_VERSION_NUMBER'), mtls)).toContain(
      'check KAFKA_SECURITY_PROTOCOL',
    );
  });

  it('passes its own errors through and leaves unrelated ones alone', () => {
    const own = new KafkaSecurityError('token endpoint refused');
    expect(
      explainConnectFailure(new KafkaJSNumberOfRetriesExceeded(own, { retryCount: 0, retryTime: 0 }), sasl),
    ).toBe(own);
    const other = afterRetries('ECONNREFUSED');
    expect(explainConnectFailure(other, sasl)).toBe(other);
  });
});

describe(connectExplained.name, () => {
  it('connects, and rejects with the explained error', async () => {
    await expect(connectExplained({ connect: () => Promise.resolve() }, sasl)).resolves.toBeUndefined();
    await expect(
      connectExplained({ connect: () => Promise.reject(afterRetries('DEPTH_ZERO_SELF_SIGNED_CERT')) }, sasl),
    ).rejects.toThrow(KafkaSecurityError);
  });
});
