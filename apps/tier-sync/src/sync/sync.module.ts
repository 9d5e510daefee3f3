import { Module } from '@nestjs/common';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryModule } from '../capillary/capillary.module';
import { PartnerTiersCache } from '../capillary/partner-tiers.cache';
import { ProgramTiersCache } from '../capillary/program-tiers.cache';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KafkaModule } from '../messaging/kafka.module';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { GroupLeaderCache } from '../router/group-leader.cache';
import { RouterModule } from '../router/router.module';
import { GroupCommandService } from './group-command.service';
import { GroupSyncService } from './group-sync.service';
import { MemberSyncRunner } from './member-sync.runner';
import { PartnerSyncRunner } from './partner-sync.runner';
import { SyncTargetResolver } from './sync-target.resolver';

/** The group sync: one service per command, built from the pure planner, runner and settlement. */
@Module({
  imports: [CapillaryModule, KafkaModule, RouterModule],
  providers: [
    {
      provide: GroupSyncService,
      inject: [CAPILLARY_API, ProgramTiersCache, PartnerTiersCache, GroupLeaderCache, TIER_SYNC_CONFIG],
      useFactory: (
        api: CapillaryApi,
        tierNames: ProgramTiersCache,
        partnerTiers: PartnerTiersCache,
        leaders: GroupLeaderCache,
        { sync }: TierSyncConfig,
      ) =>
        new GroupSyncService({
          api,
          leaders,
          members: new MemberSyncRunner(api, sync),
          partners: new PartnerSyncRunner(api, sync, partnerTiers),
          policy: sync,
          targets: new SyncTargetResolver(sync, tierNames),
        }),
    },
    {
      provide: GroupCommandService,
      inject: [GroupSyncService, SyncPublisher, SyncMetrics, TIER_SYNC_CONFIG],
      useFactory: (
        sync: GroupSyncService,
        publisher: SyncPublisher,
        metrics: SyncMetrics,
        config: TierSyncConfig,
      ) => new GroupCommandService({ metrics, policy: config.sync, publisher, sync }),
    },
  ],
  exports: [GroupCommandService],
})
export class SyncModule {}
