import { Module } from '@nestjs/common';
import { EventPublisher } from '@tiersync/kafka';
import { type Kafka } from 'kafkajs';
import { TIER_SYNC_CONFIG } from '../config/tier-sync.config';
import { CoalescingPublisher } from './coalescing.publisher';
import { GroupLagProbe } from './group-lag.probe';
import { KAFKA_CLIENT, kafkaClient } from './kafka.client';
import { KafkaLifecycle } from './kafka.lifecycle';
import { RECORD_WRITER, type RecordWriter, SyncPublisher } from './sync.publisher';

function coalescingWriter(publisher: EventPublisher): RecordWriter {
  const coalescing = new CoalescingPublisher(publisher);
  return (...record) => coalescing.publish(...record);
}

/** The Kafka plumbing: one client, one producer behind a group-commit writer, and what goes on which topic. */
@Module({
  exports: [EventPublisher, GroupLagProbe, KAFKA_CLIENT, SyncPublisher],
  providers: [
    { inject: [TIER_SYNC_CONFIG], provide: KAFKA_CLIENT, useFactory: kafkaClient },
    {
      inject: [KAFKA_CLIENT],
      provide: EventPublisher,
      useFactory: (kafka: Kafka) => new EventPublisher(kafka),
    },
    { inject: [EventPublisher], provide: RECORD_WRITER, useFactory: coalescingWriter },
    GroupLagProbe,
    KafkaLifecycle,
    SyncPublisher,
  ],
})
export class KafkaModule {}
