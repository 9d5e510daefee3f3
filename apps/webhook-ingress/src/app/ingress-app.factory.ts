import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type IngressConfig } from '../config/ingress.config';
import { closeConnectionsWhenClosing } from './graceful-close';
import { IngressAppModule, type IngressAppOptions } from './ingress-app.module';
import { registerWebhookBodyParser } from './webhook-body.parser';

export async function createIngressApp(
  config: IngressConfig,
  options: IngressAppOptions = {},
): Promise<NestFastifyApplication> {
  // 503 while closing would be a 5xx for a transient state: keep serving until the server is gone.
  const adapter = new FastifyAdapter({ bodyLimit: config.http.maxBodyBytes, return503OnClosing: false });
  const app = await NestFactory.create<NestFastifyApplication>(
    IngressAppModule.forRoot(config, options),
    adapter,
    // Nest declares these options as a class, yet documents (and only accepts) a plain object.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    {
      abortOnError: false,
      bodyParser: false,
      logger: new ConsoleLogger({ json: true, logLevels: [...config.logLevels] }),
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  registerWebhookBodyParser(fastify, config.http.maxBodyBytes);
  closeConnectionsWhenClosing(fastify);
  if (config.auth.secret === undefined) {
    new Logger('IngressApp').warn('DEMO_MODE without WEBHOOK_SECRET: webhooks are NOT authenticated');
  }
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
