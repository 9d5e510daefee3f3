import { createHash } from 'node:crypto';

export type CapillaryAuth =
  { kind: 'basic'; username: string; password: string } | { kind: 'oauth'; key: string; secret: string };

export interface AuthProvider {
  headers(): Promise<Record<string, string>>;
  /** OAuth can renew after a 401, Basic cannot. */
  unauthorized(failed: Record<string, string>): boolean;
}

/** Capillary's Basic scheme hashes the till password: base64(username + ':' + md5hex(password)). */
export function basicAuthorization(username: string, password: string): string {
  const md5 = createHash('md5').update(password, 'utf8').digest('hex');
  return `Basic ${Buffer.from(`${username}:${md5}`, 'utf8').toString('base64')}`;
}

export class BasicAuthProvider implements AuthProvider {
  private readonly value: Record<string, string>;

  constructor(username: string, password: string) {
    this.value = { Authorization: basicAuthorization(username, password) };
  }

  headers(): Promise<Record<string, string>> {
    return Promise.resolve(this.value);
  }

  unauthorized(): boolean {
    return false;
  }
}
