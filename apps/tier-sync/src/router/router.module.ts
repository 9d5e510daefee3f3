import { Module } from '@nestjs/common';
import { CapillaryModule } from '../capillary/capillary.module';
import { KafkaModule } from '../messaging/kafka.module';
import { SyncModule } from '../sync/sync.module';
import { DedupeWindow } from './dedupe-window';
import { DedupeBootstrap } from './dedupe.bootstrap';
import { EventRouterService } from './event-router.service';
import { GroupLeaderLookup } from './group-leader.lookup';
import { IgnoredRecorder } from './ignored.recorder';

@Module({
  exports: [EventRouterService, GroupLeaderLookup],
  imports: [CapillaryModule, KafkaModule, SyncModule],
  providers: [DedupeBootstrap, DedupeWindow, EventRouterService, GroupLeaderLookup, IgnoredRecorder],
})
export class RouterModule {}
