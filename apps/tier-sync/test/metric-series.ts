import { type SyncMetrics } from '../src/observability/sync.metrics';

/** A metric's non-zero series, as `label=value,...` → value. */
export async function metricSeries(metrics: SyncMetrics, name: string): Promise<Record<string, number>> {
  const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  return Object.fromEntries(
    values
      .filter((v) => v.value > 0)
      .map((v) => [
        Object.entries(v.labels)
          .map(([k, l]) => `${k}=${String(l)}`)
          .join(','),
        v.value,
      ]),
  );
}
