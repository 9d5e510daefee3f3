import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RECORD_PUBLISHER, type RecordPublisher } from '@tiersync/kafka';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';

/** The producer disconnects only at application shutdown, AFTER the transport has drained, because draining
 * handlers still publish. */
@Injectable()
export class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(RECORD_PUBLISHER) private readonly publisher: RecordPublisher,
    @Inject(TIER_SYNC_CONFIG) private readonly config: TierSyncConfig,
  ) {}

  onModuleInit(): Promise<void> {
    return this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close(this.config.http.shutdownDeadlineMs);
  }
}
