import { createHash } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { type SimAuth, type TokenStore } from './sim-context';

export function isAuthorized(
  headers: IncomingHttpHeaders,
  auth: SimAuth | undefined,
  tokens: TokenStore,
): boolean {
  if (!auth) {
    return true;
  }
  if ('oauthKey' in auth) {
    const token = headers['x-cap-api-oauth-token'];
    return typeof token === 'string' && tokens.valid(token, Date.now());
  }
  const md5 = createHash('md5').update(auth.password, 'utf8').digest('hex');
  const expected = `Basic ${Buffer.from(`${auth.username}:${md5}`, 'utf8').toString('base64')}`;
  return headers.authorization === expected;
}
