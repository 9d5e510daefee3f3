import { Module } from '@nestjs/common';
import { KafkaModule } from '../messaging/kafka.module';
import { RouterModule } from '../router/router.module';
import { SyncModule } from '../sync/sync.module';
import { ConsumerFailureHandler } from './consumer-failure.handler';
import { SyncController } from './sync.controller';
import { UnreadableRecordKeeper } from './unreadable-record.keeper';

@Module({
  controllers: [SyncController],
  exports: [ConsumerFailureHandler],
  imports: [KafkaModule, RouterModule, SyncModule],
  providers: [ConsumerFailureHandler, UnreadableRecordKeeper],
})
export class ConsumerModule {}
