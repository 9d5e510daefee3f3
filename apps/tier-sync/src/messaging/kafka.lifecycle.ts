import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ensureTopics, type EventPublisher } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { type TierSyncConfig } from '../config/tier-sync.config';

/**
 * Topics exist and the producer is connected before any handler runs; the producer disconnects only at
 * application shutdown, AFTER the transport has drained, because draining handlers still publish.
 */
export class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaLifecycle.name);

  constructor(
    private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly config: TierSyncConfig['kafka'],
  ) {}

  async onModuleInit(): Promise<void> {
    const { topics, partitions, replicationFactor } = this.config;
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
