import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { RECORD_PUBLISHER, type RecordPublisher } from '@tiersync/kafka';
import { Readiness } from '@tiersync/nest-observability';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';

/** Nest closes the HTTP server between the two shutdown hooks, so requests finish before the flush. */
@Injectable()
export class PublisherLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PublisherLifecycle.name);
  private stopping = false;

  constructor(
    @Inject(INGRESS_CONFIG) private readonly config: IngressConfig,
    @Inject(RECORD_PUBLISHER) private readonly publisher: RecordPublisher,
    readiness: Readiness,
  ) {
    // Ready while the producer is connected; Kafka outages are answered per request (429), not here.
    readiness.register('producer', () => !this.stopping && this.publisher.isConnected);
  }

  async onModuleInit(): Promise<void> {
    await this.publisher.connect();
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
    this.logger.log('producer disconnected');
  }
}
