import { testBrokers } from '@tiersync/kafka/testing';
import { randomUUID } from 'node:crypto';
import { createIngressApp } from '../src/app/ingress-app.factory';
import { type IngressAppOptions } from '../src/app/ingress-app.module';
import { loadIngressConfig, type IngressConfig } from '../src/config/ingress.config';

export const TEST_SECRET = 'test-secret-0123456789abcdef';

export interface PostOptions {
  readonly headers?: Record<string, string>;
  readonly contentType?: string;
  readonly secret?: string | null;
}

export interface RunningIngress {
  readonly config: IngressConfig;
  readonly baseUrl: string;
  post(body: unknown, options?: PostOptions): Promise<Response>;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startIngress(
  env: Record<string, string> = {},
  options: IngressAppOptions = {},
): Promise<RunningIngress> {
  const config = loadIngressConfig({
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: `ingress-${randomUUID().slice(0, 8)}.`,
    KAFKA_TOPIC_PARTITIONS: '2',
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createIngressApp(config, options);
  await app.listen(config.http.port, config.http.host);
  const baseUrl = await app.getUrl();
  return {
    config,
    baseUrl,
    post: (body, postOptions = {}) => {
      const headers: Record<string, string> = {
        'content-type': postOptions.contentType ?? 'application/json',
        ...postOptions.headers,
      };
      const secret = postOptions.secret === undefined ? TEST_SECRET : postOptions.secret;
      if (secret !== null) {
        headers[config.auth.headerName] = secret;
      }
      const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      return fetch(`${baseUrl}${config.http.webhookPath}`, { method: 'POST', headers, body: payload });
    },
    get: (path) => fetch(`${baseUrl}${path}`),
    close: () => app.close(),
  };
}
