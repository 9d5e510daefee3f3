import { AppProcess } from '@tiersync/app-process';
import { clientVariables, createLocalCertificates, readSecureKafkaTestEnv } from '@tiersync/local-kafka';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * "Seconds, not a hang": the process start itself (TypeScript through SWC) plus kafkajs' connect retries
 * fit well inside this; a process still running then would wait for the broker forever.
 */
const HANG_MS = 45_000;

const APP_ENV: Record<'webhook-ingress' | 'tier-sync', Record<string, string>> = {
  'webhook-ingress': {
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: 'refusal-secret-0123456789',
  },
  'tier-sync': {
    SYNC_HTTP_HOST: '127.0.0.1',
    SYNC_HTTP_PORT: '0',
    CAPILLARY_BASE_URL: 'http://127.0.0.1:9',
    CAPILLARY_USERNAME: 'till',
    CAPILLARY_PASSWORD: 'till-password',
  },
};

/** Starts the app as in production, configured by `env` only; resolves with its output once it exited 1. */
async function bootFailure(
  name: 'webhook-ingress' | 'tier-sync',
  env: Record<string, string>,
): Promise<string> {
  const app = new AppProcess(name);
  app.start({ ...APP_ENV[name], KAFKA_TOPIC_PREFIX: 'refusals.', ...env });
  const code = await Promise.race([app.exited(), sleep(HANG_MS).then(() => 'hang' as const)]);
  if (code === 'hang') {
    await app.stop('SIGKILL');
    throw new Error(`${name} was still running after ${HANG_MS} ms:\n${app.logs()}`);
  }
  expect({ code, logs: app.logs() }).toMatchObject({ code: 1 });
  return app.logs();
}

describe('an app given a wrong Kafka security setting stops at boot, naming the setting', () => {
  const access = readSecureKafkaTestEnv();
  const secrets = [access.saslPassword, access.keyPassword];
  let scratch: string;
  let otherCa: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'tiersync-refusals-'));
    otherCa = (await createLocalCertificates(scratch)).caLocation;
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('a wrong SASL password (webhook-ingress)', async () => {
    const logs = await bootFailure('webhook-ingress', {
      ...clientVariables(access, 'sasl'),
      KAFKA_SASL_PASSWORD: 'wrong-password-4711',
    });
    expect(logs).toContain('SASL authentication failed: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD');
    for (const secret of ['wrong-password-4711', ...secrets]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('a CA that did not sign the broker (tier-sync)', async () => {
    const logs = await bootFailure('tier-sync', {
      ...clientVariables(access, 'sasl'),
      KAFKA_SSL_CA_LOCATION: otherCa,
    });
    expect(logs).toContain("the broker's certificate is not signed by a CA in KAFKA_SSL_CA_LOCATION");
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
    }
  });

  it('no client certificate for the mTLS listener (webhook-ingress)', async () => {
    const {
      KAFKA_SSL_CERTIFICATE_LOCATION: _c,
      KAFKA_SSL_KEY_LOCATION: _k,
      KAFKA_SSL_KEY_PASSWORD: _p,
      ...noCertificate
    } = clientVariables(access, 'mtls');
    const logs = await bootFailure('webhook-ingress', noCertificate);
    expect(logs).toContain('the broker requires a client certificate: set KAFKA_SSL_CERTIFICATE_LOCATION');
  });

  it('a value no setting takes, before any connection (tier-sync)', async () => {
    const logs = await bootFailure('tier-sync', {
      ...clientVariables(access, 'sasl'),
      KAFKA_SASL_MECHANISM: 'scram-sha-4711',
    });
    expect(logs).toContain('KAFKA_SASL_MECHANISM must be one of');
    expect(logs).not.toContain('scram-sha-4711');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
    }
  });
});
