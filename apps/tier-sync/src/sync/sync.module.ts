import { Module } from '@nestjs/common';
import { CapillaryModule } from '../capillary/capillary.module';
import { KafkaModule } from '../messaging/kafka.module';
import { CustomerRolesTable } from './customer-roles.table';
import { EarlierRunsReconciler } from './earlier-runs.reconciler';
import { GroupCommandService } from './group-command.service';
import { GroupMembershipReader } from './group-membership.reader';
import { GroupSyncService } from './group-sync.service';
import { JournalFollower } from './journal.follower';
import { MemberSyncRunner } from './member-sync.runner';
import { PartnerSyncRunner } from './partner-sync.runner';
import { SyncTargetResolver } from './sync-target.resolver';

@Module({
  exports: [CustomerRolesTable, GroupCommandService],
  imports: [CapillaryModule, KafkaModule],
  providers: [
    EarlierRunsReconciler,
    CustomerRolesTable,
    GroupCommandService,
    GroupMembershipReader,
    GroupSyncService,
    JournalFollower,
    MemberSyncRunner,
    PartnerSyncRunner,
    SyncTargetResolver,
  ],
})
export class SyncModule {}
