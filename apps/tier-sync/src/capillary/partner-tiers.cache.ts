import { Inject, Injectable, Optional } from '@nestjs/common';
import { type LRUCache } from 'lru-cache';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { CAPILLARY_API, type CapillaryApi } from './capillary.api';
import { tierMapTtl, ttlCache } from './ttl-cache';

type PartnerTierMap = ReadonlyMap<string, ReadonlyMap<number, string>>;

const ORG = 'org';

/** partnerProgramUpdated carries only `partnerTierNumber` (docs/architecture.md, API fact 23) while
 * customerPartnerProgramUpdate takes a name (API fact 22). */
@Injectable()
export class PartnerTiersCache {
  private readonly maps: LRUCache<string, PartnerTierMap>;

  constructor(
    @Inject(CAPILLARY_API) api: Pick<CapillaryApi, 'getOrganizationPrograms'>,
    @Inject(TIER_SYNC_CONFIG) config: Pick<TierSyncConfig, 'router'>,
    @Optional() @Inject(CLOCK) clock: Clock = Date.now,
  ) {
    this.maps = ttlCache<string, PartnerTierMap>({
      ttlMs: tierMapTtl(config),
      max: 1,
      clock,
      load: async () => {
        const programs = await api.getOrganizationPrograms();
        return new Map(
          programs
            .flatMap((p) => p.partnerPrograms)
            .map((partner) => [
              partner.partnerProgramName,
              new Map(partner.tiers.map((t) => [t.tierNumber, t.tierName] as const)),
            ]),
        );
      },
    });
  }

  /** Reads afresh before giving up: a tier configured since must not fail its events until the TTL ends. */
  async nameOf(partnerProgramName: string, tierNumber: number): Promise<string | undefined> {
    const readEarlier = this.maps.has(ORG);
    const name = (await this.maps.fetch(ORG))?.get(partnerProgramName)?.get(tierNumber);
    if (name !== undefined || !readEarlier) {
      return name;
    }
    const fresh = await this.maps.fetch(ORG, { forceRefresh: true });
    return fresh?.get(partnerProgramName)?.get(tierNumber);
  }
}
