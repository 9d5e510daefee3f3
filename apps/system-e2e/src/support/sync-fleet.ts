import { AppProcess } from '@tiersync/app-process';
import { type CapillarySim, type SimSeed, startCapillarySim } from '@tiersync/capillary-sim';
import { createKafka, ensureTopics, kafkaConnectionFromEnv, withAdmin } from '@tiersync/kafka';
import { freePort } from '@tiersync/local-kafka';
import { parseSyncResult, type SyncResult, topicNames } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { SYNC_DEFAULTS, tierSyncEnv } from './e2e-system';
import { metricValue } from './metric-value';
import { TopicTail } from './topic-tail';
import { settingUp, waitFor } from './wait-for';

const SECRET = 'fleet-webhook-secret-0123456789';
const AUTH = { username: 'fleet-till', password: 'fleet-till-password' };
const PARTITIONS = 4;
export const FLEET_PROGRAM_ID = 973;

/** `groups` groups of one primary and `secondaries` secondaries, everyone on tier 1 of one program. */
export function fleetSeed(groups: number, secondaries: number): SimSeed {
  const memberIds = (g: number) => Array.from({ length: secondaries + 1 }, (_, i) => fleetMember(g, i));
  const ids = Array.from({ length: groups }, (_, g) => memberIds(g));
  return {
    orgId: 50262,
    programs: [
      {
        programId: FLEET_PROGRAM_ID,
        name: 'FleetProgram',
        isDefault: true,
        pointsToCurrencyRatio: 1,
        tierValidityMonths: 12,
        tiers: ['Silver', 'Gold', 'Platinum'].map((name, i) => ({
          slabId: i + 1,
          serialNumber: i + 1,
          name,
          status: 'LIVE',
        })),
      },
    ],
    customers: ids.flat().map((customerId) => ({
      customerId,
      firstName: `c${customerId}`,
      lastName: 'Fleet',
      mobile: `92${customerId}`,
      status: 'ACTIVE',
      tiers: [{ programId: FLEET_PROGRAM_ID, tierNumber: 1, expiryDate: '2027-12-31' }],
      partnerLinks: [],
    })),
    groups: ids.map((members, g) => ({
      groupId: 60_000_000 + g,
      groupName: `fleet-${g}`,
      groupStatus: 'ACTIVE',
      maxGroupSize: secondaries + 1,
      createdOn: '2025-01-01 00:00:00',
      members: members.map((customerId, i) => ({
        customerId,
        primary: i === 0,
        active: true,
        defaultGroup: true,
        joinedOn: '2025-01-01 00:00:00',
      })),
      tiers: [],
    })),
    partnerPrograms: [],
  };
}

/** Member `index` of group `group`; index 0 is its primary. */
export function fleetMember(group: number, index: number): number {
  return 200_000_000 + group * 10 + index;
}

/** The ingress and `instances` tier-sync processes in one consumer group, on fresh topics and a simulator. */
export class SyncFleet {
  readonly results: TopicTail<SyncResult>;
  private readonly ingress = new AppProcess('webhook-ingress', { graceMs: 20_000 });
  private readonly syncs: { process: AppProcess; port: number }[] = [];

  private constructor(
    private readonly prefix: string,
    private readonly kafkaEnv: Record<string, string>,
    readonly sim: CapillarySim,
    private readonly ingressPort: number,
  ) {
    const connection = kafkaConnectionFromEnv(kafkaEnv, 'fleet-tail');
    this.results = new TopicTail(connection, topicNames(prefix).syncResults, parseSyncResult);
  }

  static async start(name: string, instances: number, seed: SimSeed): Promise<SyncFleet> {
    const kafkaEnv = { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '' };
    const prefix = `fleet-${name}-${randomUUID().slice(0, 8)}.`;
    const kafka = createKafka(kafkaConnectionFromEnv(kafkaEnv, 'fleet-setup'));
    const specs = Object.values(topicNames(prefix)).map((topic) => ({ topic, partitions: PARTITIONS }));
    await settingUp(() => ensureTopics(kafka, specs));
    const sim = await startCapillarySim({ auth: AUTH, seed });
    const fleet = new SyncFleet(prefix, kafkaEnv, sim, await freePort());
    await fleet.startIngress();
    for (let i = 0; i < instances; i++) {
      fleet.syncs.push({ process: new AppProcess('tier-sync', { graceMs: 20_000 }), port: await freePort() });
    }
    await Promise.all(fleet.syncs.map((_, i) => fleet.startSync(i)));
    await fleet.untilConsumersStable();
    await settingUp(() => fleet.results.start());
    fleet.connectWebhooks();
    return fleet;
  }

  async restartSync(index: number): Promise<void> {
    await this.syncs[index]?.process.stop();
    await this.startSync(index);
    await this.untilConsumersStable();
  }

  /** Summed over every instance. */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const values = await Promise.all(
      this.syncs.map(({ port }) => metricValue(`http://127.0.0.1:${port}/metrics`, name, labels)),
    );
    return values.reduce((sum, value) => sum + value, 0);
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

  async stop(): Promise<void> {
    this.sim.control.setWebhook(undefined);
    await Promise.all([...this.syncs.map((s) => s.process.stop()), this.ingress.stop()]);
    await Promise.all([this.results.stop(), this.sim.stop()]);
  }

  private connectWebhooks(): void {
    this.sim.control.setWebhook({
      url: `http://127.0.0.1:${this.ingressPort}/webhooks/capillary`,
      headerName: 'x-webhook-token',
      secret: SECRET,
      maxConnections: 4,
    });
  }

  private async startIngress(): Promise<void> {
    this.ingress.start({
      LOG_LEVEL: 'warn',
      ...this.kafkaEnv,
      KAFKA_TOPIC_PREFIX: this.prefix,
      INGRESS_HOST: '127.0.0.1',
      INGRESS_PORT: String(this.ingressPort),
      WEBHOOK_SECRET: SECRET,
    });
    await this.ingress.untilReady(`http://127.0.0.1:${this.ingressPort}/health/ready`);
  }

  private async startSync(index: number): Promise<void> {
    const sync = this.syncs[index];
    if (!sync) {
      throw new Error(`no tier-sync instance ${index}`);
    }
    sync.process.start({
      ...SYNC_DEFAULTS,
      ...tierSyncEnv({
        kafkaEnv: this.kafkaEnv,
        prefix: this.prefix,
        sim: this.sim,
        auth: AUTH,
        port: sync.port,
      }),
    });
    await sync.process.untilReady(`http://127.0.0.1:${sync.port}/health/ready`);
  }

  /** Each instance holds partitions before the workload starts, so no rebalance moves work mid-run. */
  private async untilConsumersStable(): Promise<void> {
    const kafka = createKafka(kafkaConnectionFromEnv(this.kafkaEnv, 'fleet-admin'));
    const groupId = `${this.prefix}tier-sync`;
    await waitFor(
      `${this.syncs.length} stable members in ${groupId}`,
      () =>
        withAdmin(kafka, async (admin) => {
          const [group] = (await admin.describeGroups([groupId])).groups;
          return group?.state === 'Stable' && group.members.length === this.syncs.length ? true : undefined;
        }),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }
}
