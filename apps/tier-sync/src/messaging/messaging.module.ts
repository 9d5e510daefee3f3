import { Module } from '@nestjs/common';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { RouterModule } from '../router/router.module';
import { SyncModule } from '../sync/sync.module';
import { ConsumerFailureHandler } from './consumer-failure.handler';
import { KafkaModule } from './kafka.module';
import { SyncController } from './sync.controller';
import { SyncPublisher } from './sync.publisher';

/** The Kafka side: the three @EventPattern handlers and the consumer's failure semantics. */
@Module({
  imports: [KafkaModule, RouterModule, SyncModule],
  controllers: [SyncController],
  providers: [
    {
      provide: ConsumerFailureHandler,
      inject: [TIER_SYNC_CONFIG, SyncPublisher, SyncMetrics],
      useFactory: (config: TierSyncConfig, publisher: SyncPublisher, metrics: SyncMetrics) =>
        new ConsumerFailureHandler(config.kafka.topics, publisher, metrics, config.kafka.requeueDelayMs),
    },
  ],
  exports: [ConsumerFailureHandler],
})
export class MessagingModule {}
