import { type Clock } from '@tiersync/capillary-client';
import { CallPacer, estimatedSyncCalls } from './call-pacer';

class FakeClock implements Clock {
  at = 0;
  now(): number {
    return this.at;
  }
  sleep(ms: number): Promise<void> {
    this.at += ms;
    return Promise.resolve();
  }
}

describe(CallPacer.name, () => {
  it('spaces commands by the calls they cost within the per-minute budget', async () => {
    const clock = new FakeClock();
    const pacer = new CallPacer(600, clock); // one call per 100 ms
    await pacer.reserve(5);
    await pacer.reserve(5);
    // Ten calls reserved: the tenth slot starts 900 ms after the first.
    expect(clock.at).toBe(900);
  });

  it('does not wait without a limit', async () => {
    const clock = new FakeClock();
    await new CallPacer(0, clock).reserve(1_000);
    expect(clock.at).toBe(0);
  });
});

describe(estimatedSyncCalls.name, () => {
  it('counts members page, primary tiers, each secondary read and each adjustment', () => {
    expect(estimatedSyncCalls(4, 1)).toBe(7);
    expect(estimatedSyncCalls(4)).toBe(10);
    expect(estimatedSyncCalls(0)).toBe(2);
  });
});
