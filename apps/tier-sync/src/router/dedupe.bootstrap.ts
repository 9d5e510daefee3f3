import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Kafka } from '@tiersync/kafka';
import { Readiness } from '@tiersync/nest-observability';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT } from '../messaging/kafka.client';
import { DedupeWindow } from './dedupe-window';
import { loadDedupeWindow } from './dedupe.loader';

/** Runs before the consumer starts, so no event is routed against a half-loaded window. */
@Injectable()
export class DedupeBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(DedupeBootstrap.name);
  private loaded = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly window: DedupeWindow,
    @Inject(TIER_SYNC_CONFIG) private readonly config: TierSyncConfig,
    readiness: Readiness,
  ) {
    readiness.register('dedupeWindow', () => this.loaded);
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const read = await loadDedupeWindow(this.kafka, this.window, {
      topic: this.config.kafka.topics.webhookEvents,
      windowMs: this.config.router.dedupeWindowMs,
      groupPrefix: this.config.kafka.consumerGroup,
    });
    this.loaded = true;
    this.logger.log({
      msg: 'dedupe window loaded',
      records: read,
      eventIds: this.window.size,
      ms: Date.now() - started,
    });
  }
}
