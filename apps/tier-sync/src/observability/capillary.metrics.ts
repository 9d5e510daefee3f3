import {
  type CapillaryClient,
  type CapillaryRequestEvent,
  type RateLimitState,
} from '@tiersync/capillary-client';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export class CapillaryMetrics {
  private rate: () => RateLimitState | undefined = () => undefined;
  private readonly requests: Counter<'method' | 'endpoint' | 'outcome'>;
  private readonly duration: Histogram<'method' | 'endpoint'>;
  private readonly throttled: Counter<'method' | 'endpoint' | 'retry_after'>;
  private readonly limiterWait: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'tiersync_capillary_requests_total',
      help: 'Capillary HTTP exchanges by endpoint (ids as {id}) and outcome',
      labelNames: ['method', 'endpoint', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'tiersync_capillary_request_duration_seconds',
      help: 'From sending a Capillary request to its answer (or failure), without the limiter wait',
      labelNames: ['method', 'endpoint'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.throttled = new Counter({
      name: 'tiersync_capillary_throttled_total',
      help: 'Capillary 429 answers, and whether they carried Retry-After',
      labelNames: ['method', 'endpoint', 'retry_after'],
      registers,
    });
    this.limiterWait = new Histogram({
      name: 'tiersync_capillary_limiter_wait_seconds',
      help: "Time a Capillary request waited for the client's rate limit and 429 pauses before it was sent",
      buckets: [0.001, 0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    const rate = () => this.rate();
    new Gauge({
      name: 'tiersync_capillary_rate_limit_per_minute',
      help: 'The rate the Capillary client keeps now (0 = none); below the configured one after a 429',
      labelNames: ['limit'],
      registers,
      collect(this: Gauge<'limit'>) {
        const state = rate();
        if (state) {
          this.set({ limit: 'current' }, state.perMinute);
          this.set({ limit: 'configured' }, state.configuredPerMinute);
        }
      },
    });
  }

  observe(client: Pick<CapillaryClient, 'observeRequests' | 'rateLimit'>): void {
    client.observeRequests((event) => {
      this.record(event);
    });
    this.rate = () => client.rateLimit;
  }

  private record(event: CapillaryRequestEvent): void {
    const { method, endpoint } = event;
    this.requests.inc({ method, endpoint, outcome: event.outcome });
    this.duration.observe({ method, endpoint }, event.durationMs / 1000);
    this.limiterWait.observe(event.limiterWaitMs / 1000);
    if (event.throttle) {
      const retryAfter = event.throttle.retryAfterMs === undefined ? 'absent' : 'present';
      this.throttled.inc({ method, endpoint, retry_after: retryAfter });
    }
  }
}
