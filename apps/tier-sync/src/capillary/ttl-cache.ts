import { LRUCache } from 'lru-cache';
import { type Clock } from '../clock';
import { type TierSyncConfig } from '../config/tier-sync.config';

export interface TtlCacheOptions<K, V> {
  ttlMs: number;
  max: number;
  clock: Clock;
  load?: (key: K) => Promise<V>;
}

/** lru-cache reads its clock once per `ttlResolution`; 0 reads the injected clock on every check. */
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

/** SYNC_TIER_MAP_TTL_MS=0 means "cache nothing", but lru-cache reads a TTL of 0 as "forever". */
export function tierMapTtl({ router }: Pick<TierSyncConfig, 'router'>): number {
  return Math.max(1, router.tierMapTtlMs);
}
