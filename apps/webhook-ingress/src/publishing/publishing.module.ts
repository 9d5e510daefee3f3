import { Module, type DynamicModule } from '@nestjs/common';
import { type KafkaConfig } from 'kafkajs';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { BatchingPublisher } from './batching-publisher';
import { ingressTopicSpecs } from './ingress-topics';
import { KafkaRecordSink } from './kafka-record-sink';
import { PublisherLifecycle } from './publisher.lifecycle';
import { RECORD_SINK, type RecordSink } from './record-sink';

export interface PublishingOptions {
  /** Replaces Kafka altogether: only the benchmark's no-durability baseline uses it. */
  readonly sink?: RecordSink;
  readonly kafkaClient?: Partial<KafkaConfig>;
}

/** Well under the broker's 1 MiB default, so a batch never fails for the size of its neighbours. */
const MAX_BATCH_BYTES = 256 * 1024;
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

function kafkaSink(config: IngressConfig, options: PublishingOptions): RecordSink {
  return new KafkaRecordSink({
    connection: config.kafka,
    topics: ingressTopicSpecs(config),
    ...(options.kafkaClient ? { client: options.kafkaClient } : {}),
  });
}

function batchingPublisher(
  config: IngressConfig,
  sink: RecordSink,
  metrics: IngressMetrics,
): BatchingPublisher {
  return new BatchingPublisher(sink, {
    lingerMs: config.publishing.lingerMs,
    maxBatchBytes: MAX_BATCH_BYTES,
    maxBatchRecords: config.publishing.maxBatchRecords,
    maxQueuedBytes: Math.max(MAX_QUEUED_BYTES, 4 * config.http.maxBodyBytes),
    onBatch: (stats) => {
      metrics.observeBatch(stats.topic, stats.records, stats.failed);
    },
  });
}

@Module({})
export class PublishingModule {
  static forRoot(config: IngressConfig, options: PublishingOptions = {}): DynamicModule {
    return {
      exports: [BatchingPublisher, PublisherLifecycle],
      global: true,
      module: PublishingModule,
      providers: [
        { provide: RECORD_SINK, useValue: options.sink ?? kafkaSink(config, options) },
        {
          inject: [INGRESS_CONFIG, RECORD_SINK, IngressMetrics],
          provide: BatchingPublisher,
          useFactory: batchingPublisher,
        },
        PublisherLifecycle,
      ],
    };
  }
}
