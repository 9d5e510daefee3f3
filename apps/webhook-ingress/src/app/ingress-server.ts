import { ConsoleLogger, Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type IngressConfig } from '../config/ingress.config';
import { createIngressApp } from './ingress-app.factory';
import { type IngressAppOptions } from './ingress-app.module';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export async function runIngressServer(
  config: IngressConfig,
  options: IngressAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createIngressApp(config, options);
  app.enableShutdownHooks([...SIGNALS], { useProcessExit: true });
  const watchdogMs = config.http.shutdownTimeoutMs + config.publishing.deadlineMs + 5_000;
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('IngressServer').fatal(`shutdown took longer than ${watchdogMs} ms`);
        process.exit(1);
      }, watchdogMs).unref();
    });
  }
  await app.listen(config.http.port, config.http.host);
  const url = `${await app.getUrl()}${config.http.webhookPath}`;
  new Logger('IngressServer').log({ message: 'webhook ingress listening', url });
  return app;
}

export function exitOnStartFailure(error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  new ConsoleLogger('IngressServer', { json: true }).fatal(`webhook ingress failed to start: ${reason}`);
  process.exit(1);
}
