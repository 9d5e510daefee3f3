import { Inject, Injectable, Optional } from '@nestjs/common';
import { tierNameOf } from '@tiersync/tier-events';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { CAPILLARY_API, type CapillaryApi } from './capillary.api';
import { tierMapTtl, ttlCache } from './ttl-cache';

type TierMap = ReadonlyMap<number, string>;

/** The fallback when an event's `tiers` is null, as in the enriched samples. */
@Injectable()
export class ProgramTiersCache {
  private readonly maps: LRUCache<number, TierMap>;

  constructor(
    @Inject(CAPILLARY_API) api: Pick<CapillaryApi, 'getProgramTiers'>,
    @Inject(TIER_SYNC_CONFIG) config: Pick<TierSyncConfig, 'router'>,
    @Optional() @Inject(CLOCK) clock: Clock = Date.now,
  ) {
    this.maps = ttlCache<number, TierMap>({
      ttlMs: tierMapTtl(config),
      max: 1_000,
      clock,
      load: async (programId: number) => {
        const tiers = await api.getProgramTiers(programId);
        return new Map(tiers.map((tier) => [tier.serialNumber, tier.name] as const));
      },
    });
  }

  async tierMap(programId: number): Promise<TierMap> {
    return (await this.maps.fetch(programId)) ?? new Map();
  }

  async nameOf(
    programId: number,
    tierNumber: number,
    payloadTiers?: readonly { tierNumber: number; tierName: string }[] | null,
  ): Promise<string | undefined> {
    const fromPayload = tierNameOf(programId, tierNumber, payloadTiers);
    return fromPayload ?? tierNameOf(programId, tierNumber, null, await this.tierMap(programId));
  }
}
