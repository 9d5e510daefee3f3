import { createLocalCertificates } from '@tiersync/local-kafka';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTokenEndpoint } from '../../test/oauth-token-endpoint';
import {
  CapturedLogs,
  mtlsSettings,
  oauthSettings,
  scramSettings,
  secureAccess,
  secureKafka,
} from '../../test/secure-kafka-env';
import { connectExplained } from './connect-failure.explainer';
import { KafkaSecurityError } from './kafka-security.error';
import { type KafkaSecuritySettings } from './kafka-security.settings';

/** Well inside "seconds, not a hang": kafkajs' own retries with libs/kafka's settings take about 3 s. */
const FAST_MS = 10_000;

describe('a wrongly secured client fails fast, naming the setting', () => {
  const access = secureAccess();
  const logs = new CapturedLogs();
  let otherCa: string;
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'tiersync-other-ca-'));
    otherCa = (await createLocalCertificates(scratch)).caLocation;
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  async function failure(brokers: string[], settings: KafkaSecuritySettings): Promise<KafkaSecurityError> {
    const admin = secureKafka(brokers, settings, logs).admin();
    const started = Date.now();
    try {
      await connectExplained(admin, settings);
    } catch (error) {
      expect(Date.now() - started).toBeLessThan(FAST_MS);
      expect(error).toBeInstanceOf(KafkaSecurityError);
      return error as KafkaSecurityError;
    } finally {
      await admin.disconnect();
    }
    throw new Error('the connection succeeded');
  }

  it('a wrong password names the SASL username and password', async () => {
    const settings = { ...scramSettings(access), saslPassword: 'not-the-password-1' };
    const error = await failure(access.saslBrokers, settings);
    expect(error.message).toContain('KAFKA_SASL_PASSWORD');
    expect(error.message).not.toContain('not-the-password-1');
  });

  it('an unknown CA names KAFKA_SSL_CA_LOCATION', async () => {
    const error = await failure(access.saslBrokers, { ...scramSettings(access), sslCaLocation: otherCa });
    expect(error.message).toContain(
      "the broker's certificate is not signed by a CA in KAFKA_SSL_CA_LOCATION",
    );
  });

  it('no CA at all (the system CAs) also names KAFKA_SSL_CA_LOCATION', async () => {
    const { sslCaLocation: _, ...systemCas } = mtlsSettings(access);
    const error = await failure(access.mtlsBrokers, systemCas);
    expect(error.message).toContain('set KAFKA_SSL_CA_LOCATION');
  });

  it('a missing client certificate names KAFKA_SSL_CERTIFICATE_LOCATION', async () => {
    const {
      sslCertificateLocation: _c,
      sslKeyLocation: _k,
      sslKeyPassword: _p,
      ...noCertificate
    } = mtlsSettings(access);
    const error = await failure(access.mtlsBrokers, noCertificate);
    expect(error.message).toContain(
      'the broker requires a client certificate: set KAFKA_SSL_CERTIFICATE_LOCATION',
    );
  });

  it('client credentials the token endpoint refuses name the OAUTHBEARER client id and secret', async () => {
    const tokens = await startTokenEndpoint({ id: 'right-id', secret: 'right-secret-value' });
    try {
      const wrongSecret = { id: 'right-id', secret: 'wrong-secret-value' };
      const error = await failure(access.saslBrokers, oauthSettings(access, tokens.url, wrongSecret));
      expect(error.message).toContain('HTTP 401 invalid_client');
      expect(error.message).toContain('KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET');
    } finally {
      await tokens.close();
    }
  });

  it('logs none of the secrets it was given', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(
      logs.leaked({
        wrongPassword: 'not-the-password-1',
        password: access.saslPassword,
        keyPassword: access.keyPassword,
        clientSecret: 'wrong-secret-value',
      }),
    ).toEqual([]);
  });
});
