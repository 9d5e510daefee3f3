import { Injectable } from '@nestjs/common';

/** Named checks an app registers as its parts start (producer connected, consumer running, ...). */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, () => boolean>();

  register(name: string, check: () => boolean): void {
    this.checks.set(name, check);
  }

  /** Each check's current answer; none registered yet is not ready, so a half-started app never is. */
  evaluate(): Record<string, boolean> {
    if (this.checks.size === 0) {
      return { checks: false };
    }
    return Object.fromEntries([...this.checks].map(([name, check]) => [name, check()]));
  }
}
