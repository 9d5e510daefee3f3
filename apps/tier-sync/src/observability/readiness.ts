import { Injectable } from '@nestjs/common';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, boolean>;
}

/** Named readiness checks (producer connected, dedupe window loaded, consumer running), read on demand. */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, () => boolean>();

  register(name: string, check: () => boolean): void {
    this.checks.set(name, check);
  }

  report(): ReadinessReport {
    const checks = Object.fromEntries([...this.checks].map(([name, check]) => [name, check()]));
    return { ready: this.checks.size > 0 && Object.values(checks).every(Boolean), checks };
  }
}
