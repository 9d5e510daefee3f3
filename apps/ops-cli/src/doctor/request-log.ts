import { type CapillaryRequestEvent } from '@tiersync/capillary-client';
import { type QuotaReport } from './doctor.report';

/** Every exchange of the doctor's client, the token call included: they all count against one quota. */
export class RequestLog {
  readonly events: CapillaryRequestEvent[] = [];

  readonly record = (event: CapillaryRequestEvent): void => {
    this.events.push(event);
  };

  answered(method: string, endpoint: string): CapillaryRequestEvent | undefined {
    return this.events.find((e) => e.method === method && e.endpoint === endpoint);
  }

  quota(rateLimitPerMinute: number): QuotaReport {
    const byEndpoint: Record<string, number> = {};
    for (const { method, endpoint } of this.events) {
      const key = `${method} ${endpoint}`;
      byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
    }
    const throttled = this.events.filter((e) => e.outcome === 'throttled');
    return {
      requests: this.events.length,
      byEndpoint,
      throttled: throttled.length,
      retryAfterMs: throttled.map((e) => e.throttle?.retryAfterMs ?? null),
      rateLimitPerMinute,
    };
  }
}
