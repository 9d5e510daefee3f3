import { Module } from '@nestjs/common';
import { type Kafka, kafkaRecordPublisher, RECORD_PUBLISHER, type RecordPublisher } from '@tiersync/kafka';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { GroupLagProbe } from './group-lag.probe';
import { KAFKA_CLIENT, kafkaClient } from './kafka.client';
import { KafkaLifecycle } from './kafka.lifecycle';
import { SyncPublisher } from './sync.publisher';

/** Records per produce request at most (a few KB each: well under the broker's message size limit). */
const MAX_BATCH_RECORDS = 500;

function recordPublisher(kafka: Kafka, config: TierSyncConfig): RecordPublisher {
  return kafkaRecordPublisher(kafka, {
    topics: Object.values(config.kafka.topicSpecs),
    maxBatchRecords: MAX_BATCH_RECORDS,
  });
}

@Module({
  exports: [GroupLagProbe, KAFKA_CLIENT, RECORD_PUBLISHER, SyncPublisher],
  providers: [
    { inject: [TIER_SYNC_CONFIG], provide: KAFKA_CLIENT, useFactory: kafkaClient },
    { inject: [KAFKA_CLIENT, TIER_SYNC_CONFIG], provide: RECORD_PUBLISHER, useFactory: recordPublisher },
    GroupLagProbe,
    KafkaLifecycle,
    SyncPublisher,
  ],
})
export class KafkaModule {}
