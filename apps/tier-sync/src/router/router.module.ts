import { Module } from '@nestjs/common';
import { Readiness } from '@tiersync/nest-observability';
import { type Kafka } from 'kafkajs';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryModule } from '../capillary/capillary.module';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT, KafkaModule } from '../messaging/kafka.module';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { DedupeWindow } from './dedupe-window';
import { DedupeBootstrap } from './dedupe.bootstrap';
import { EventRouterService } from './event-router.service';
import { GroupLeaderCache } from './group-leader.cache';
import { GroupLeaderLookup } from './group-leader.lookup';
import { IgnoredRecorder } from './ignored.recorder';

@Module({
  imports: [CapillaryModule, KafkaModule],
  providers: [
    {
      provide: GroupLeaderCache,
      inject: [TIER_SYNC_CONFIG],
      useFactory: (config: TierSyncConfig) => new GroupLeaderCache(config.router.groupCacheTtlMs),
    },
    {
      provide: DedupeWindow,
      inject: [TIER_SYNC_CONFIG],
      useFactory: ({ router }: TierSyncConfig) =>
        new DedupeWindow(router.dedupeWindowMs, router.dedupeMaxEntries),
    },
    {
      provide: GroupLeaderLookup,
      inject: [CAPILLARY_API, GroupLeaderCache, TIER_SYNC_CONFIG],
      useFactory: (api: CapillaryApi, cache: GroupLeaderCache, config: TierSyncConfig) =>
        new GroupLeaderLookup(api, cache, config.sync.retry),
    },
    {
      provide: IgnoredRecorder,
      inject: [SyncPublisher, TIER_SYNC_CONFIG],
      useFactory: (publisher: SyncPublisher, config: TierSyncConfig) =>
        new IgnoredRecorder(publisher, config.sync.dryRun),
    },
    {
      provide: EventRouterService,
      inject: [
        CAPILLARY_API,
        GroupLeaderCache,
        DedupeWindow,
        GroupLeaderLookup,
        SyncMetrics,
        SyncPublisher,
        IgnoredRecorder,
        TIER_SYNC_CONFIG,
      ],
      useFactory: (
        api: CapillaryApi,
        cache: GroupLeaderCache,
        dedupe: DedupeWindow,
        lookup: GroupLeaderLookup,
        metrics: SyncMetrics,
        publisher: SyncPublisher,
        recorder: IgnoredRecorder,
        config: TierSyncConfig,
      ) =>
        new EventRouterService({
          api,
          cache,
          dedupe,
          lookup,
          metrics,
          publisher,
          recorder,
          retry: config.sync.retry,
        }),
    },
    {
      provide: DedupeBootstrap,
      inject: [KAFKA_CLIENT, DedupeWindow, TIER_SYNC_CONFIG, Readiness],
      useFactory: (kafka: Kafka, window: DedupeWindow, config: TierSyncConfig, readiness: Readiness) =>
        new DedupeBootstrap(kafka, window, config, readiness),
    },
  ],
  exports: [EventRouterService, GroupLeaderCache],
})
export class RouterModule {}
