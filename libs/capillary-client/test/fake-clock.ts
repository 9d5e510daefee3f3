import { type Clock } from '../src/clock';

/** Manual time: sleep() resolves only when advance() passes its deadline. */
export class FakeClock implements Clock {
  private time = 1_000_000;
  private sleepers: { until: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  get sleeping(): number {
    return this.sleepers.length;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  }

  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      const next = this.sleepers.filter((s) => s.until <= target).sort((a, b) => a.until - b.until)[0];
      if (!next) {
        break;
      }
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.time = next.until;
      next.wake();
      await flush();
    }
    this.time = target;
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}
