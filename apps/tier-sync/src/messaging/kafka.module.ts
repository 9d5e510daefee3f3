import { Module } from '@nestjs/common';
import { createKafka, EventPublisher } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { CoalescingPublisher } from './coalescing.publisher';
import { KafkaLifecycle } from './kafka.lifecycle';
import { SyncPublisher } from './sync.publisher';

export const KAFKA_CLIENT = Symbol('Kafka');

@Module({
  providers: [
    {
      provide: KAFKA_CLIENT,
      inject: [TIER_SYNC_CONFIG],
      useFactory: ({ kafka }: TierSyncConfig) => createKafka(kafka),
    },
    {
      provide: EventPublisher,
      inject: [KAFKA_CLIENT],
      useFactory: (kafka: Kafka) => new EventPublisher(kafka),
    },
    {
      provide: SyncPublisher,
      inject: [EventPublisher, TIER_SYNC_CONFIG],
      useFactory: (publisher: EventPublisher, config: TierSyncConfig) => {
        const coalescing = new CoalescingPublisher(publisher);
        return new SyncPublisher((...record) => coalescing.publish(...record), config.kafka.topics);
      },
    },
    {
      provide: KafkaLifecycle,
      inject: [KAFKA_CLIENT, EventPublisher, TIER_SYNC_CONFIG],
      useFactory: (kafka: Kafka, publisher: EventPublisher, config: TierSyncConfig) =>
        new KafkaLifecycle(kafka, publisher, config.kafka),
    },
  ],
  exports: [KAFKA_CLIENT, EventPublisher, SyncPublisher],
})
export class KafkaModule {}
