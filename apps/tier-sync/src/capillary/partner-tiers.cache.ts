import { type CapillaryApi } from './capillary.api';

/** Partner program name -> partner tier number -> tier name. */
type PartnerTierMap = ReadonlyMap<string, ReadonlyMap<number, string>>;

interface Entry {
  tiers: Promise<PartnerTierMap>;
  loadedAt: number;
}

/**
 * Names a partner tier number. The documented partnerProgramUpdated event carries only
 * `partnerTierNumber` (docs/architecture.md, API fact 23) while customerPartnerProgramUpdate takes a name
 * (API fact 22); GET /v2/organization/programs lists every partner program's tiers (API fact 25). One call
 * covers the whole org, so there is one entry, cached with the tier-map TTL like ProgramTiersCache;
 * concurrent callers share one request and a failed request is not cached.
 */
export class PartnerTiersCache {
  private entry: Entry | undefined;

  constructor(
    private readonly api: Pick<CapillaryApi, 'getOrganizationPrograms'>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The tier's name, or undefined when the program has no such tier even after a fresh read: a tier
   * configured since the map was cached must not fail its events until the TTL runs out.
   */
  async nameOf(partnerProgramName: string, tierNumber: number): Promise<string | undefined> {
    const cached = this.entry;
    const fresh = cached !== undefined && cached.loadedAt + this.ttlMs > this.now();
    const entry = fresh ? cached : this.load();
    const name = (await entry.tiers).get(partnerProgramName)?.get(tierNumber);
    if (name !== undefined || entry !== cached) {
      return name;
    }
    // A miss on a map read earlier: read again once (requests already made since then are shared).
    const reread = this.entry === cached ? this.load() : (this.entry ?? this.load());
    return (await reread.tiers).get(partnerProgramName)?.get(tierNumber);
  }

  private load(): Entry {
    const tiers = this.api.getOrganizationPrograms().then((programs) => {
      const byProgram = new Map<string, ReadonlyMap<number, string>>();
      for (const partner of programs.flatMap((p) => p.partnerPrograms)) {
        byProgram.set(
          partner.partnerProgramName,
          new Map(partner.tiers.map((t) => [t.tierNumber, t.tierName] as const)),
        );
      }
      return byProgram;
    });
    const entry = { tiers, loadedAt: this.now() };
    this.entry = entry;
    tiers.catch(() => {
      if (this.entry === entry) {
        this.entry = undefined;
      }
    });
    return entry;
  }
}
