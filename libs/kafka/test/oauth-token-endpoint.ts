import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface TokenEndpoint {
  url: string;
  issued: string[];
  close(): Promise<void>;
}

/** Unsigned JWTs (`alg: none`) are what Kafka's default OAUTHBEARER validator accepts. */
export async function startTokenEndpoint(
  client: { id: string; secret: string },
  lifetimeSeconds = 3600,
): Promise<TokenEndpoint> {
  const issued: string[] = [];
  const expected = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const answer = (status: number, json: object): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      if (request.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
        answer(400, { error: 'unsupported_grant_type' });
      } else if (request.headers.authorization !== expected) {
        answer(401, { error: 'invalid_client' });
      } else {
        const now = Math.floor(Date.now() / 1000);
        const part = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');
        const claims = {
          sub: client.id,
          iat: now,
          exp: now + lifetimeSeconds,
          scope: form.get('scope') ?? '',
        };
        const token = `${part({ alg: 'none' })}.${part(claims)}.`;
        issued.push(token);
        answer(200, { access_token: token, token_type: 'Bearer', expires_in: lifetimeSeconds });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/oauth2/token`,
    issued,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
