import { LRUCache } from 'lru-cache';
import { type Clock } from '../clock';
import { type TierSyncConfig } from '../config/tier-sync.config';

export interface TtlCacheOptions<K, V> {
  ttlMs: number;
  max: number;
  clock: Clock;
  /** Loads a missing or expired entry; concurrent callers share one load, a failed one is not kept. */
  load?: (key: K) => Promise<V>;
}

/**
 * The LRU cache every Capillary answer is kept in. lru-cache reads its clock at most once per
 * `ttlResolution`; 0 makes it read the (injectable) clock on every check, so tests can move time.
 */
export function ttlCache<K extends number | string, V extends object>({
  ttlMs,
  max,
  clock,
  load,
}: TtlCacheOptions<K, V>): LRUCache<K, V> {
  return new LRUCache<K, V>({
    max,
    ttl: ttlMs,
    ttlResolution: 0,
    perf: { now: clock },
    ...(load ? { fetchMethod: (key: K) => load(key) } : {}),
  });
}

/** SYNC_TIER_MAP_TTL_MS, where 0 (cache nothing) is the shortest TTL lru-cache has: it reads 0 as "forever". */
export function tierMapTtl({ router }: Pick<TierSyncConfig, 'router'>): number {
  return Math.max(1, router.tierMapTtlMs);
}
