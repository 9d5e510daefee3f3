import { Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CapillaryClient } from '@tiersync/capillary-client';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { CAPILLARY_API } from './capillary.api';
import { PartnerTiersCache } from './partner-tiers.cache';
import { ProgramTiersCache } from './program-tiers.cache';

/** Closes the client's keep-alive connections once the consumer has drained. */
class CapillaryLifecycle implements OnApplicationShutdown {
  constructor(private readonly client: CapillaryClient) {}

  onApplicationShutdown(): void {
    this.client.close();
  }
}

/** One Capillary client per process: all calls share its rate limit, concurrency cap and auth session. */
@Module({
  providers: [
    {
      provide: CapillaryClient,
      inject: [TIER_SYNC_CONFIG],
      useFactory: ({ capillary }: TierSyncConfig) => {
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
      },
    },
    { provide: CAPILLARY_API, useExisting: CapillaryClient },
    {
      provide: CapillaryLifecycle,
      inject: [CapillaryClient],
      useFactory: (client: CapillaryClient) => new CapillaryLifecycle(client),
    },
    {
      provide: ProgramTiersCache,
      inject: [CapillaryClient, TIER_SYNC_CONFIG],
      useFactory: (api: CapillaryClient, config: TierSyncConfig) =>
        new ProgramTiersCache(api, config.router.tierMapTtlMs),
    },
    {
      // Partner tier names change as rarely as program tier names: the same TTL (SYNC_TIER_MAP_TTL_MS).
      provide: PartnerTiersCache,
      inject: [CapillaryClient, TIER_SYNC_CONFIG],
      useFactory: (api: CapillaryClient, config: TierSyncConfig) =>
        new PartnerTiersCache(api, config.router.tierMapTtlMs),
    },
  ],
  exports: [CAPILLARY_API, ProgramTiersCache, PartnerTiersCache],
})
export class CapillaryModule {}
