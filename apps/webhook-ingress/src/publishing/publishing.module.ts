import { type DynamicModule, Module } from '@nestjs/common';
import {
  type BatchProducer,
  createKafka,
  type KafkaClientSettings,
  kafkaRecordPublisher,
  RECORD_PUBLISHER,
  type RecordPublisher,
} from '@tiersync/kafka';
import { topicSpecs } from '@tiersync/tier-events';
import { INGRESS_CONFIG, type IngressConfig } from '../config/ingress.config';
import { IngressMetrics } from '../metrics/ingress.metrics';
import { PublisherLifecycle } from './publisher.lifecycle';

export interface PublishingOptions {
  readonly producer?: BatchProducer;
  readonly kafkaClient?: KafkaClientSettings;
}

/** Well under the broker's 1 MiB default, so a batch never fails for the size of its neighbours. */
const MAX_BATCH_BYTES = 256 * 1024;
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

function recordPublisher(
  config: IngressConfig,
  metrics: IngressMetrics,
  options: PublishingOptions,
): RecordPublisher {
  const { topics, partitions, replicationFactor } = config.kafka;
  const specs = topicSpecs(topics, { partitions, replicationFactor, maxBodyBytes: config.http.maxBodyBytes });
  return kafkaRecordPublisher(createKafka(config.kafka, options.kafkaClient), {
    topics: [specs.webhookEvents, specs.webhookRejected],
    ...(options.producer ? { producer: options.producer } : {}),
    lingerMs: config.publishing.lingerMs,
    maxBatchBytes: MAX_BATCH_BYTES,
    maxBatchRecords: config.publishing.maxBatchRecords,
    maxQueuedBytes: Math.max(MAX_QUEUED_BYTES, 4 * config.http.maxBodyBytes),
    topicsInParallel: true,
    onBatch: (stats) => {
      metrics.observeBatch(stats.topic, stats.records, stats.failed);
    },
  });
}

@Module({})
export class PublishingModule {
  static forRoot(config: IngressConfig, options: PublishingOptions = {}): DynamicModule {
    return {
      exports: [RECORD_PUBLISHER, PublisherLifecycle],
      global: true,
      module: PublishingModule,
      providers: [
        {
          inject: [INGRESS_CONFIG, IngressMetrics],
          provide: RECORD_PUBLISHER,
          useFactory: (ingress: IngressConfig, metrics: IngressMetrics) =>
            recordPublisher(ingress, metrics, options),
        },
        PublisherLifecycle,
      ],
    };
  }
}
