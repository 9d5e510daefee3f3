import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ensureTopics, EventPublisher } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT } from './kafka.client';

/**
 * Topics exist and the producer is connected before any handler runs; the producer disconnects only at
 * application shutdown, AFTER the transport has drained, because draining handlers still publish.
 */
@Injectable()
export class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaLifecycle.name);

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    @Inject(TIER_SYNC_CONFIG) private readonly config: TierSyncConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const { topics, partitions, replicationFactor } = this.config.kafka;
    const created = await ensureTopics(
      this.kafka,
      Object.values(topics).map((topic) => ({ topic, partitions, replicationFactor })),
    );
    if (created.length > 0) {
      this.logger.log({ msg: 'topics created', topics: created });
    }
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
