import { tierNameOf } from '@tiersync/tier-events';
import { type CapillaryApi } from './capillary.api';

interface Entry {
  tiers: Promise<ReadonlyMap<number, string>>;
  expiresAt: number;
}

/**
 * Per-program tier number -> name map (GET /v3/tiers), the fallback when an event's `tiers` is null.
 * Cached with a TTL; concurrent callers share one request; a failed request is not cached.
 */
export class ProgramTiersCache {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly api: Pick<CapillaryApi, 'getProgramTiers'>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  tierMap(programId: number): Promise<ReadonlyMap<number, string>> {
    const hit = this.entries.get(programId);
    if (hit && hit.expiresAt > this.now()) {
      return hit.tiers;
    }
    const tiers = this.api
      .getProgramTiers(programId)
      .then((list) => new Map(list.map((tier) => [tier.serialNumber, tier.name] as const)));
    const entry = { tiers, expiresAt: this.now() + this.ttlMs };
    this.entries.set(programId, entry);
    tiers.catch(() => {
      if (this.entries.get(programId) === entry) {
        this.entries.delete(programId);
      }
    });
    return tiers;
  }

  /** The payload's name first (the vendor recipe), else the program's map: one request per TTL at most. */
  async nameOf(
    programId: number,
    tierNumber: number,
    payloadTiers?: readonly { tierNumber: number; tierName: string }[] | null,
  ): Promise<string | undefined> {
    const fromPayload = tierNameOf(programId, tierNumber, payloadTiers);
    return fromPayload ?? tierNameOf(programId, tierNumber, null, await this.tierMap(programId));
  }
}
