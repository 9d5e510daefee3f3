import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CapillaryClient } from '@tiersync/capillary-client';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { CAPILLARY_API } from './capillary.api';
import { CapillaryRetry } from './capillary.retry';
import { GroupSnapshots } from './group-snapshots';
import { KnownPrimaries } from './known-primaries';
import { PartnerTiersCache } from './partner-tiers.cache';
import { ProgramTiersCache } from './program-tiers.cache';

@Injectable()
class CapillaryLifecycle implements OnApplicationShutdown {
  constructor(private readonly client: CapillaryClient) {}

  onApplicationShutdown(): void {
    this.client.close();
  }
}

function capillaryClient({ capillary }: TierSyncConfig): CapillaryClient {
  const logger = new Logger(CapillaryClient.name);
  return new CapillaryClient({
    ...capillary,
    logger: {
      debug: (msg, meta) => {
        logger.debug({ msg, ...meta });
      },
      warn: (msg, meta) => {
        logger.warn({ msg, ...meta });
      },
    },
  });
}

/** One client per process, so all calls share its rate limit, concurrency cap and auth session. */
@Module({
  exports: [
    CAPILLARY_API,
    CapillaryRetry,
    GroupSnapshots,
    KnownPrimaries,
    PartnerTiersCache,
    ProgramTiersCache,
  ],
  providers: [
    { inject: [TIER_SYNC_CONFIG], provide: CapillaryClient, useFactory: capillaryClient },
    { provide: CAPILLARY_API, useExisting: CapillaryClient },
    CapillaryLifecycle,
    CapillaryRetry,
    GroupSnapshots,
    KnownPrimaries,
    PartnerTiersCache,
    ProgramTiersCache,
  ],
})
export class CapillaryModule {}
