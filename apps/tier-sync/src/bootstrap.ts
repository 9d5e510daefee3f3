import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CapillaryClient } from '@tiersync/capillary-client';
import { nestLogLevels } from '@tiersync/env-config';
import { type Kafka, RECORD_PUBLISHER, type RecordPublisher } from '@tiersync/kafka';
import { Readiness } from '@tiersync/nest-observability';
import { AppModule } from './app.module';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from './config/tier-sync.config';
import { ConsumerFailureHandler } from './consumer/consumer-failure.handler';
import { consumerMetricsOf, createTransport } from './consumer/consumer.options';
import { CONSUMED_ROLES } from './consumer/sync.controller';
import { GroupLagProbe } from './messaging/group-lag.probe';
import { KAFKA_CLIENT } from './messaging/kafka.client';
import { SyncMetrics } from './observability/sync.metrics';

/** Shutdown hooks drain the consumer before the producer disconnects: draining handlers still publish. */
export async function bootstrap(): Promise<NestFastifyApplication> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options as a class.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get<TierSyncConfig>(TIER_SYNC_CONFIG);
  app.useLogger(new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.logLevel) }));
  app.enableShutdownHooks();
  await app.init();

  const transport = createTransport(app.get<Kafka>(KAFKA_CLIENT), config, app.get(ConsumerFailureHandler));
  app.connectMicroservice({ strategy: transport });
  app.get(SyncMetrics).observeConsumer(() => consumerMetricsOf(transport));
  app.get(SyncMetrics).capillary.observe(app.get(CapillaryClient));
  const readiness = app.get(Readiness);
  const publisher = app.get<RecordPublisher>(RECORD_PUBLISHER);
  readiness.register('producer', () => publisher.isConnected);
  readiness.register('consumer', () => consumerMetricsOf(transport) !== undefined);
  const groupLag = app.get(GroupLagProbe);
  groupLag.start(CONSUMED_ROLES.map((role) => config.kafka.topics[role]));
  app.get(SyncMetrics).observeGroupLag(() => groupLag.lags());
  readiness.register('broker', () => groupLag.brokerAnswering());
  await app.startAllMicroservices();
  await app.listen({ host: config.http.host, port: config.http.port });
  new Logger('TierSync').log({ msg: 'tier-sync listening', url: await app.getUrl() });
  return app;
}
