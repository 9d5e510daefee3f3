import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { useSimClient } from '../test/sim-client';
import { CapillaryClient } from './capillary.client';

describe(`${CapillaryClient.name} limits`, () => {
  const harness = useSimClient();

  it('caps requests in flight across all calls of one client', async () => {
    harness.sim.control.setFaults({ latency: { fixedMs: 40 } });
    const client = harness.client({ maxConcurrency: 2 });

    await Promise.all([
      ...[1, 2, 3].map(() => client.getGroup(3918893)),
      ...[1, 2, 3].map(() => client.getProgramTiers(DEMO_PROGRAM_ID)),
      client.getCustomerLoyalty(566998132),
    ]);

    const calls = harness.sim.control.calls();
    expect(calls).toHaveLength(7);
    expect(Math.max(...calls.map((c) => c.concurrent))).toBe(2);
  });

  it('without a cap the same calls overlap', async () => {
    harness.sim.control.setFaults({ latency: { fixedMs: 40 } });
    const client = harness.client({ maxConcurrency: 10 });

    await Promise.all([1, 2, 3, 4].map(() => client.getGroup(3918893)));

    expect(Math.max(...harness.sim.control.calls().map((c) => c.concurrent))).toBeGreaterThan(2);
  });

  /**
   * When each call reached the simulator, in ms after the client's first (warm-up) call was made. Only
   * lower bounds are asserted: the limiter dispatches call i no sooner than i intervals after the warm-up,
   * and load can only delay an arrival further, never bring it forward. 2 ms allow for timers that fire on
   * the monotonic clock while arrivals are stamped with Date.now.
   */
  async function arrivals(client: CapillaryClient, calls: () => Promise<unknown>): Promise<number[]> {
    const start = Date.now();
    await client.getGroup(3918893);
    harness.sim.control.clearCalls();
    await calls();
    return harness.sim.control.calls().map((c) => c.at - start);
  }

  it('spaces requests by the client rate limit, so a server limit is never hit', async () => {
    // 1200/min = one request per 50 ms.
    const client = harness.client({ rateLimitPerMinute: 1200 });

    const at = await arrivals(client, () => Promise.all([1, 2, 3, 4, 5].map(() => client.getGroup(3918893))));

    expect(at).toHaveLength(5);
    at.forEach((arrival, i) => {
      expect(arrival).toBeGreaterThanOrEqual((i + 1) * 50 - 2);
    });
  });

  it('shares the rate limit between concurrent slots', async () => {
    harness.sim.control.setFaults({ latency: { fixedMs: 30 } });
    const client = harness.client({ rateLimitPerMinute: 1200, maxConcurrency: 3 });

    const at = await arrivals(client, () =>
      Promise.all([1, 2, 3, 4].map(() => client.getProgramTiers(DEMO_PROGRAM_ID))),
    );

    expect(at[3]).toBeGreaterThanOrEqual(4 * 50 - 2);
  });
});
