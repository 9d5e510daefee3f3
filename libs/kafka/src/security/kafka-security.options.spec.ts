import { createLocalCertificates, type LocalCertificates } from '@tiersync/local-kafka';
import { type SASLOptions } from 'kafkajs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ConnectionOptions } from 'node:tls';
import { KafkaSecurityError } from './kafka-security.error';
import { kafkaSecurityOptions } from './kafka-security.options';
import { type KafkaSecuritySettings } from './kafka-security.settings';

const plaintext: KafkaSecuritySettings = {
  securityProtocol: 'PLAINTEXT',
  sslEndpointIdentificationAlgorithm: 'https',
};

describe(kafkaSecurityOptions.name, () => {
  let dir: string;
  let certs: LocalCertificates;
  let other: LocalCertificates;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tiersync-security-spec-'));
    certs = await createLocalCertificates(await mkdtemp(path.join(dir, 'a-')));
    other = await createLocalCertificates(await mkdtemp(path.join(dir, 'b-')));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const mtls = (): KafkaSecuritySettings => ({
    securityProtocol: 'SSL',
    sslEndpointIdentificationAlgorithm: 'https',
    sslCaLocation: certs.caLocation,
    sslCertificateLocation: certs.certificateLocation,
    sslKeyLocation: certs.keyLocation,
    sslKeyPassword: certs.keyPassword,
  });
  const scram = (): KafkaSecuritySettings => ({
    securityProtocol: 'SASL_SSL',
    sslEndpointIdentificationAlgorithm: 'https',
    saslMechanism: 'SCRAM-SHA-512',
    saslUsername: 'user',
    saslPassword: 'secret-password',
  });

  /** The message of the KafkaSecurityError the settings raise; it must never carry a value given. */
  function refusal(settings: KafkaSecuritySettings): string {
    let error: unknown;
    try {
      kafkaSecurityOptions(settings);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaSecurityError);
    const { message } = error as KafkaSecurityError;
    for (const value of Object.values(settings).filter(
      (v) => typeof v === 'string' && !/^[A-Z0-9_-]+$|^https$/.test(v),
    )) {
      expect(message).not.toContain(value);
    }
    return message;
  }

  it('adds nothing for PLAINTEXT', () => {
    expect(kafkaSecurityOptions(plaintext)).toEqual({});
  });

  it('maps mTLS to the PEM contents, with the key passphrase and the server-name check left on', async () => {
    const { ssl, sasl } = kafkaSecurityOptions(mtls());
    expect(sasl).toBeUndefined();
    expect(ssl).toEqual({
      ca: [await readFile(certs.caLocation, 'utf8')],
      cert: await readFile(certs.certificateLocation, 'utf8'),
      key: await readFile(certs.keyLocation, 'utf8'),
      passphrase: certs.keyPassword,
    });
  });

  it('turns the server-name check off only for KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=none', () => {
    const ssl = kafkaSecurityOptions({ ...mtls(), sslEndpointIdentificationAlgorithm: 'none' })
      .ssl as ConnectionOptions;
    expect(ssl.checkServerIdentity?.('elsewhere', {} as never)).toBeUndefined();
  });

  it.each([
    ['PLAIN', 'plain'],
    ['SCRAM-SHA-256', 'scram-sha-256'],
    ['SCRAM-SHA-512', 'scram-sha-512'],
  ] as const)('maps SASL_SSL with %s to the system CAs and a username and password', (mechanism, kafkajs) => {
    expect(kafkaSecurityOptions({ ...scram(), saslMechanism: mechanism })).toEqual({
      ssl: {},
      sasl: { mechanism: kafkajs, username: 'user', password: 'secret-password' },
    });
  });

  it('uses no TLS for SASL_PLAINTEXT', () => {
    expect(kafkaSecurityOptions({ ...scram(), securityProtocol: 'SASL_PLAINTEXT' }).ssl).toBeUndefined();
  });

  it('maps OAUTHBEARER to a token provider for the client-credentials grant', async () => {
    const fetch = jest.fn(() => Promise.resolve(Response.json({ access_token: 'tok', expires_in: 60 })));
    const { sasl } = kafkaSecurityOptions(
      {
        securityProtocol: 'SASL_SSL',
        sslEndpointIdentificationAlgorithm: 'https',
        saslMechanism: 'OAUTHBEARER',
        saslOauthbearerTokenEndpointUrl: 'https://idp.example/token',
        saslOauthbearerClientId: 'id',
        saslOauthbearerClientSecret: 'client-secret',
      },
      { oauthbearer: { fetch } },
    );
    const oauth = sasl as Extract<SASLOptions, { mechanism: 'oauthbearer' }>;
    expect(oauth.mechanism).toBe('oauthbearer');
    expect(await oauth.oauthBearerProvider()).toEqual({ value: 'tok' });
    expect(fetch).toHaveBeenCalledWith(
      'https://idp.example/token',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it.each<[string, () => KafkaSecuritySettings, string]>([
    [
      'TLS files without TLS',
      () => ({ ...plaintext, sslCaLocation: certs.caLocation }),
      'KAFKA_SSL_CA_LOCATION set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use TLS',
    ],
    [
      'SASL settings without SASL',
      () => ({ ...mtls(), saslUsername: 'user' }),
      'KAFKA_SASL_USERNAME set, but KAFKA_SECURITY_PROTOCOL=SSL does not use SASL',
    ],
    [
      'SASL without a mechanism',
      () => ({ ...scram(), saslMechanism: undefined }),
      'KAFKA_SASL_MECHANISM is required with KAFKA_SECURITY_PROTOCOL=SASL_SSL',
    ],
    [
      'SCRAM without a password',
      () => ({ ...scram(), saslPassword: undefined }),
      'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=SCRAM-SHA-512',
    ],
    [
      'SCRAM with OAuth settings',
      () => ({ ...scram(), saslOauthbearerClientId: 'id' }),
      'KAFKA_SASL_OAUTHBEARER_CLIENT_ID set, but KAFKA_SASL_MECHANISM=SCRAM-SHA-512 uses',
    ],
    [
      'OAUTHBEARER without a client secret',
      () => ({
        ...scram(),
        saslUsername: undefined,
        saslPassword: undefined,
        saslMechanism: 'OAUTHBEARER',
        saslOauthbearerTokenEndpointUrl: 'https://idp/token',
        saslOauthbearerClientId: 'id',
      }),
      'KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET is required with KAFKA_SASL_MECHANISM=OAUTHBEARER',
    ],
    [
      'OAUTHBEARER with a password',
      () => ({ ...scram(), saslMechanism: 'OAUTHBEARER' }),
      'KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD set, but KAFKA_SASL_MECHANISM=OAUTHBEARER',
    ],
    [
      'a token endpoint that is no URL',
      () => ({
        ...scram(),
        saslUsername: undefined,
        saslPassword: undefined,
        saslMechanism: 'OAUTHBEARER',
        saslOauthbearerTokenEndpointUrl: 'idp-token-path',
        saslOauthbearerClientId: 'id',
        saslOauthbearerClientSecret: 'client-secret',
      }),
      'KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL must be an http(s) URL',
    ],
    [
      'a certificate without its key',
      () => ({ ...mtls(), sslKeyLocation: undefined, sslKeyPassword: undefined }),
      'KAFKA_SSL_CERTIFICATE_LOCATION and KAFKA_SSL_KEY_LOCATION go together',
    ],
    [
      'a key password without a key',
      () => ({ ...scram(), sslKeyPassword: 'key-password' }),
      'KAFKA_SSL_KEY_PASSWORD is set but KAFKA_SSL_KEY_LOCATION is not',
    ],
    [
      'an unreadable CA file',
      () => ({ ...mtls(), sslCaLocation: path.join(dir, 'missing-ca.pem') }),
      'KAFKA_SSL_CA_LOCATION names a file that cannot be read (ENOENT)',
    ],
    [
      'a key file without a key',
      () => ({ ...mtls(), sslKeyLocation: certs.caLocation }),
      'KAFKA_SSL_KEY_LOCATION names a file without a PEM PRIVATE KEY',
    ],
    [
      'a wrong key password',
      () => ({ ...mtls(), sslKeyPassword: 'wrong-key-password' }),
      'KAFKA_SSL_KEY_LOCATION could not be opened: KAFKA_SSL_KEY_PASSWORD is wrong or missing',
    ],
    [
      'a missing key password',
      () => ({ ...mtls(), sslKeyPassword: undefined }),
      'KAFKA_SSL_KEY_PASSWORD is wrong or missing',
    ],
    [
      'a key of another certificate',
      () => ({ ...mtls(), sslKeyLocation: other.keyLocation, sslKeyPassword: other.keyPassword }),
      'KAFKA_SSL_KEY_LOCATION is not the key of the certificate in KAFKA_SSL_CERTIFICATE_LOCATION',
    ],
  ])('refuses %s, naming the variables', (_, settings, message) => {
    expect(refusal(settings())).toContain(message);
  });

  it('refuses a CA file that holds no certificate', async () => {
    const notPem = path.join(dir, 'not-pem.txt');
    await writeFile(notPem, 'hello');
    expect(refusal({ ...mtls(), sslCaLocation: notPem })).toBe(
      'KAFKA_SSL_CA_LOCATION names a file without a PEM CERTIFICATE',
    );
  });
});
