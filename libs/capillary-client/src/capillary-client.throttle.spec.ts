import { FakeClock } from '../test/fake-clock';
import { rejectionOf, useSimClient } from '../test/sim-client';
import { CapillaryClient } from './capillary.client';
import { type CapillaryRequestEvent } from './client-options';

describe(`${CapillaryClient.name} throttling`, () => {
  const harness = useSimClient();
  const GROUP = 3918893;
  const PRIMARY = 566998132;

  /** Real I/O settles on its own time; the calls are parked once they sleep on the fake clock. */
  async function untilSleeping(clock: FakeClock, n: number): Promise<void> {
    while (clock.sleeping < n) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it("holds every call of the client for a 429's Retry-After, not only the call that got it", async () => {
    const clock = new FakeClock();
    const sut = harness.client({ clock, rateLimitPerMinute: 6000, maxConcurrency: 5 });
    harness.sim.control.setFaults({ endpoints: { '*': { rate429: 1, retryAfter: '30' } } });

    const throttled = await rejectionOf(sut.getGroup(GROUP));
    harness.sim.control.setFaults({});
    const calls = Promise.all([sut.getGroup(GROUP), sut.getCustomerLoyalty(PRIMARY), sut.getGroup(GROUP)]);
    await untilSleeping(clock, 3);

    expect(throttled).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    expect(harness.sim.control.calls()).toHaveLength(1);
    expect(sut.rateLimit).toMatchObject({ perMinute: 3000, configuredPerMinute: 6000, pausedForMs: 30_000 });
    await clock.advance(29_999);
    expect(clock.sleeping).toBe(3);
    // The pause, then two intervals at the halved rate (20 ms).
    await clock.advance(1 + 40);
    await calls;
    expect(harness.sim.control.calls()).toHaveLength(4);
  });

  it('reports every exchange with its endpoint, outcome, limiter wait and the 429 it met', async () => {
    const events: CapillaryRequestEvent[] = [];
    const sut = harness.client();
    sut.observeRequests((event) => events.push(event));
    harness.sim.control.setFaults({ requestsPerMinute: 2, rateLimitRetryAfter: false });

    await sut.getCustomerLoyalty(PRIMARY);
    await expect(sut.getCustomerLoyalty(1)).rejects.toMatchObject({ code: 8015 });
    await expect(sut.getGroup(GROUP)).rejects.toMatchObject({ status: 429, retryAfterMs: undefined });

    expect(
      events.map(({ method, endpoint, outcome, status }) => ({ method, endpoint, outcome, status })),
    ).toEqual([
      { method: 'GET', endpoint: '/v2/customers/{id}', outcome: 'ok', status: 200 },
      { method: 'GET', endpoint: '/v2/customers/{id}', outcome: 'client_error', status: 404 },
      { method: 'GET', endpoint: '/v2/userGroup2', outcome: 'throttled', status: 429 },
    ]);
    expect(events[2]?.throttle).toEqual({ pauseMs: 1000 });
    expect(events.every((e) => e.durationMs >= 0 && e.limiterWaitMs >= 0)).toBe(true);
  });
});
