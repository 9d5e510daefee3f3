import { type CapillarySim, type SimSeed } from '@tiersync/capillary-sim';
import { type SyncResult } from '@tiersync/tier-events';
import { E2eSystem } from './e2e-system';
import { type TopicTail } from './topic-tail';
import { waitFor } from './wait-for';

/**
 * The ingress and `instances` tier-sync processes in one consumer group, on fresh topics and a simulator;
 * each instance holds partitions before the workload starts, so no rebalance moves work mid-run.
 */
export class SyncFleet {
  private constructor(private readonly system: E2eSystem) {}

  static async start(name: string, instances: number, seed: SimSeed): Promise<SyncFleet> {
    const system = await E2eSystem.start({ name: `fleet-${name}`, seed, partitions: 4 });
    for (let i = 1; i < instances; i++) {
      await system.addSync();
    }
    await system.untilSyncMembers(instances);
    return new SyncFleet(system);
  }

  get sim(): CapillarySim {
    return this.system.sim;
  }

  get results(): TopicTail<SyncResult> {
    return this.system.results;
  }

  async restartSync(index: number): Promise<void> {
    await this.system.restartSync({}, index);
    await this.system.untilSyncMembers(this.system.syncs.length);
  }

  /** Summed over every instance. */
  metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    return this.system.syncMetric(name, labels);
  }

  /** Every webhook delivered and `events` routed in all, then no Capillary call for a while. */
  async untilRouted(events: number): Promise<void> {
    await waitFor(
      `${events} webhook events routed`,
      async () => {
        await this.sim.control.webhooksIdle();
        return (await this.metric('tiersync_router_events_total')) >= events ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    let seen = -1;
    await waitFor('no Capillary call for a second', async () => {
      const calls = this.sim.control.calls().length;
      const quiet = calls === seen;
      seen = calls;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return quiet ? true : undefined;
    });
  }

  stop(): Promise<void> {
    return this.system.stop();
  }
}
