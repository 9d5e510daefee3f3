import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Readiness } from '@tiersync/nest-observability';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { BatchingPublisher } from './batching-publisher';
import { RECORD_SINK, type RecordSink } from './record-sink';

/**
 * Connects the sink at start-up (a broker that cannot be reached fails the boot) and, at shutdown, lets the
 * HTTP server finish its requests before flushing and disconnecting: Nest closes the server between
 * beforeApplicationShutdown and onApplicationShutdown.
 */
@Injectable()
export class PublisherLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PublisherLifecycle.name);
  private stopping = false;

  constructor(
    @Inject(INGRESS_CONFIG) private readonly config: IngressConfig,
    private readonly publisher: BatchingPublisher,
    @Inject(RECORD_SINK) private readonly sink: RecordSink,
    readiness: Readiness,
  ) {
    // Ready while the producer is connected; Kafka outages are answered per request (429), not here.
    readiness.register('producer', () => !this.stopping && this.sink.isConnected);
  }

  async onModuleInit(): Promise<void> {
    await this.sink.connect();
    this.logger.log({ message: 'producer connected', brokers: this.config.kafka.brokers });
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    const drained = await this.publisher.close(this.config.http.shutdownTimeoutMs);
    if (!drained) {
      this.logger.warn('shutdown timeout: records still in flight are left to the producer');
    }
    await this.sink.disconnect();
    this.logger.log('producer disconnected');
  }
}
