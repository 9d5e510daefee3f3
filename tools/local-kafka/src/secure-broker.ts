import { randomBytes } from 'node:crypto';
import { createLocalCertificates } from './certificates';
import { freePort } from './free-port';
import { type SecureKafkaAccess } from './secure-access';

export interface SecureListeners {
  saslPort: number;
  mtlsPort: number;
  keystoreLocation: string;
  truststoreLocation: string;
  username: string;
  password: string;
  oauthbearerScope: string;
}

export interface SecureBroker {
  listeners: SecureListeners;
  formatArgs: string[];
  access: SecureKafkaAccess;
}

const USERNAME = 'tiersync';
const OAUTHBEARER_SCOPE = 'kafka';

export async function prepareSecureBroker(dir: string): Promise<SecureBroker> {
  const certificates = await createLocalCertificates(dir);
  const [saslPort, mtlsPort] = [await freePort(), await freePort()];
  const password = randomBytes(18).toString('base64url');
  const user = `[name=${USERNAME},password=${password}]`;
  return {
    listeners: {
      saslPort,
      mtlsPort,
      keystoreLocation: certificates.brokerKeystoreLocation,
      truststoreLocation: certificates.caLocation,
      username: USERNAME,
      password,
      oauthbearerScope: OAUTHBEARER_SCOPE,
    },
    formatArgs: ['--add-scram', `SCRAM-SHA-512=${user}`, '--add-scram', `SCRAM-SHA-256=${user}`],
    access: {
      saslBrokers: [`127.0.0.1:${saslPort}`],
      mtlsBrokers: [`127.0.0.1:${mtlsPort}`],
      caLocation: certificates.caLocation,
      certificateLocation: certificates.certificateLocation,
      keyLocation: certificates.keyLocation,
      keyPassword: certificates.keyPassword,
      saslUsername: USERNAME,
      saslPassword: password,
      oauthbearerScope: OAUTHBEARER_SCOPE,
    },
  };
}
