import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalCertificates {
  caLocation: string;
  brokerKeystoreLocation: string;
  certificateLocation: string;
  /** Encrypted, so the client's key-password path is exercised too. */
  keyLocation: string;
  keyPassword: string;
}

// Only the sections named below are read, so openssl's system defaults (which mark every certificate
// signed by `req -x509 -CA` as a CA) never apply.
const OPENSSL_CONFIG = `[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[broker]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
`;

export async function createLocalCertificates(dir: string): Promise<LocalCertificates> {
  const file = (name: string): string => path.join(dir, name);
  await writeFile(file('openssl.cnf'), OPENSSL_CONFIG);
  const keyPassword = randomBytes(12).toString('base64url');
  const request = (extensions: string, subject: string, out: string, key: string, keyArgs: string[]) =>
    run(
      'openssl',
      [
        'req',
        '-x509',
        '-config',
        file('openssl.cnf'),
        '-extensions',
        extensions,
        '-days',
        '2',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-subj',
        subject,
        '-keyout',
        file(key),
        '-out',
        file(out),
        ...keyArgs,
      ],
      // The password travels by environment, not argv, which any local user can read.
      { env: { ...process.env, CLIENT_KEY_PASSWORD: keyPassword } },
    );
  const signedByCa = ['-CA', file('ca.pem'), '-CAkey', file('ca.key')];
  await request('ca', '/CN=tiersync-local-ca', 'ca.pem', 'ca.key', ['-nodes']);
  await Promise.all([
    request('broker', '/CN=localhost', 'broker.pem', 'broker.key', ['-nodes', ...signedByCa]),
    request('client', '/CN=tiersync-client', 'client.pem', 'client.key', [
      '-passout',
      'env:CLIENT_KEY_PASSWORD',
      ...signedByCa,
    ]),
  ]);
  const keystore =
    (await readFile(file('broker.key'), 'utf8')) + (await readFile(file('broker.pem'), 'utf8'));
  await writeFile(file('broker-keystore.pem'), keystore, { mode: 0o600 });
  return {
    caLocation: file('ca.pem'),
    brokerKeystoreLocation: file('broker-keystore.pem'),
    certificateLocation: file('client.pem'),
    keyLocation: file('client.key'),
    keyPassword,
  };
}
