import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalCertificates, type LocalCertificates } from './certificates';

describe(createLocalCertificates.name, () => {
  let dir: string;
  let sut: LocalCertificates;
  const certificate = async (file: string): Promise<X509Certificate> =>
    new X509Certificate(await readFile(file));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tiersync-certs-spec-'));
    sut = await createLocalCertificates(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes a broker certificate for localhost and 127.0.0.1, signed by the CA, with its key in the keystore', async () => {
    const ca = await certificate(sut.caLocation);
    const keystore = await readFile(sut.brokerKeystoreLocation, 'utf8');
    const broker = new X509Certificate(keystore.slice(keystore.indexOf('-----BEGIN CERTIFICATE-----')));
    expect(ca.ca).toBe(true);
    expect(broker.ca).toBe(false);
    expect(broker.verify(ca.publicKey)).toBe(true);
    expect(broker.checkHost('localhost')).toBe('localhost');
    expect(broker.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(keystore.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
    expect(broker.checkPrivateKey(createPrivateKey(keystore))).toBe(true);
  });

  it('makes a client certificate signed by the CA, whose key opens only with the key password', async () => {
    const ca = await certificate(sut.caLocation);
    const client = await certificate(sut.certificateLocation);
    const key = await readFile(sut.keyLocation, 'utf8');
    expect(client.verify(ca.publicKey)).toBe(true);
    expect(key).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(() => createPrivateKey({ key, passphrase: 'wrong' })).toThrow();
    expect(client.checkPrivateKey(createPrivateKey({ key, passphrase: sut.keyPassword }))).toBe(true);
  });
});
