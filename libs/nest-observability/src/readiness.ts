import { Injectable } from '@nestjs/common';

@Injectable()
export class Readiness {
  private readonly checks = new Map<string, () => boolean>();

  register(name: string, check: () => boolean): void {
    this.checks.set(name, check);
  }

  /** None registered yet is not ready, so a half-started app never is. */
  evaluate(): Record<string, boolean> {
    if (this.checks.size === 0) {
      return { checks: false };
    }
    return Object.fromEntries([...this.checks].map(([name, check]) => [name, check()]));
  }
}
