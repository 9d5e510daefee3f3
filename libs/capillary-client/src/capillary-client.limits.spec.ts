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

  /** Arrival times of the calls after a warm-up call (so connection setup does not skew the first). */
  async function arrivals(client: CapillaryClient, calls: () => Promise<unknown>): Promise<number[]> {
    await client.getGroup(3918893);
    harness.sim.control.clearCalls();
    await calls();
    return harness.sim.control.calls().map((c) => c.at);
  }

  it('spaces requests by the client rate limit, so a server limit is never hit', async () => {
    // 1200/min = one request per 50 ms.
    const client = harness.client({ rateLimitPerMinute: 1200 });

    const at = await arrivals(client, () => Promise.all([1, 2, 3, 4, 5].map(() => client.getGroup(3918893))));

    // Lower bounds only, with 20 ms for transit jitter: the limiter must never let calls bunch up.
    for (let i = 1; i < at.length; i++) {
      expect(at[i]! - at[0]!).toBeGreaterThanOrEqual(i * 50 - 20);
    }
  });

  it('shares the rate limit between concurrent slots', async () => {
    harness.sim.control.setFaults({ latency: { fixedMs: 30 } });
    const client = harness.client({ rateLimitPerMinute: 1200, maxConcurrency: 3 });

    const at = await arrivals(client, () =>
      Promise.all([1, 2, 3, 4].map(() => client.getProgramTiers(DEMO_PROGRAM_ID))),
    );

    expect(at[3]! - at[0]!).toBeGreaterThanOrEqual(3 * 50 - 20);
  });
});
