import { AppProcess } from '@tiersync/app-process';
import { basicAuthorization } from '@tiersync/capillary-client';
import {
  type CapillarySim,
  DEMO_PROGRAM_ID,
  type SimCall,
  type SimSeed,
  startCapillarySim,
  type WebhookTarget,
} from '@tiersync/capillary-sim';
import {
  ConsumerGroupOffsets,
  createKafka,
  ensureTopics,
  kafkaConnectionFromEnv,
  type KafkaConnectionOptions,
  withAdmin,
} from '@tiersync/kafka';
import { freePort } from '@tiersync/local-kafka';
import {
  type DeadLetter,
  parseDeadLetter,
  parseSyncResult,
  type SyncResult,
  type TopicMap,
  topicNames,
} from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { metricValue } from './metric-value';
import { TopicTail } from './topic-tail';
import { settingUp, waitFor } from './wait-for';

const SECRET = 'e2e-webhook-secret-0123456789';
const AUTH = { username: 'e2e-till', password: 'e2e-till-password' };

/** Fast retries so failure scenarios settle in seconds; everything else is the app's default. */
export const SYNC_DEFAULTS: Record<string, string> = {
  LOG_LEVEL: 'warn',
  // A killed tier-sync's partitions move to its successor after this, not after the 30 s default.
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  SYNC_BACKOFF_BASE_MS: '20',
  SYNC_BACKOFF_MAX_MS: '1500',
  SYNC_RETRY_DELAY_MS: '200',
  SYNC_RETRY_MAX_DELAY_MS: '1000',
  SYNC_SHUTDOWN_DEADLINE_MS: '5000',
  CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
};

/** Where one tier-sync process finds Kafka, its topics, the simulator and its own HTTP port. */
export function tierSyncEnv(wiring: {
  kafkaEnv: Record<string, string>;
  prefix: string;
  sim: CapillarySim;
  auth: { username: string; password: string };
  port: number;
}): Record<string, string> {
  return {
    ...wiring.kafkaEnv,
    KAFKA_TOPIC_PREFIX: wiring.prefix,
    CAPILLARY_BASE_URL: wiring.sim.url,
    CAPILLARY_USERNAME: wiring.auth.username,
    CAPILLARY_PASSWORD: wiring.auth.password,
    SYNC_HTTP_HOST: '127.0.0.1',
    SYNC_HTTP_PORT: String(wiring.port),
  };
}

export interface SystemOptions {
  name: string;
  syncEnv?: Record<string, string>;
  ingressEnv?: Record<string, string>;
  rngSeed?: number;
  kafkaEnv?: Record<string, string>;
  /** Default: the simulator's demo org. */
  seed?: SimSeed;
  /** Default: Capillary's own schedule (1 s, doubling). */
  webhookRetry?: Pick<WebhookTarget, 'backoffMs' | 'maxBackoffMs'>;
  /** Of every topic; default 3. */
  partitions?: number;
}

/** One tier-sync process; every instance of a system is in the same consumer group. */
export interface SyncInstance {
  readonly process: AppProcess;
  readonly url: string;
}

export class E2eSystem {
  readonly topics: TopicMap;
  readonly results: TopicTail<SyncResult>;
  readonly deadLetters: TopicTail<DeadLetter>;
  readonly ingress = new AppProcess('webhook-ingress', { graceMs: 20_000 });
  readonly syncs: SyncInstance[] = [];

  private constructor(
    readonly prefix: string,
    readonly connection: KafkaConnectionOptions,
    private readonly kafkaEnv: Record<string, string>,
    readonly sim: CapillarySim,
    private readonly ingressPort: number,
    private readonly webhookRetry: SystemOptions['webhookRetry'] = {},
  ) {
    this.topics = topicNames(prefix);
    this.results = new TopicTail(connection, this.topics.syncResults, parseSyncResult);
    this.deadLetters = new TopicTail(connection, this.topics.deadLetters, parseDeadLetter);
  }

  static async start(options: SystemOptions): Promise<E2eSystem> {
    const kafkaEnv = options.kafkaEnv ?? { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '' };
    const connection = kafkaConnectionFromEnv(kafkaEnv, 'e2e-setup');
    const prefix = `e2e-${options.name}-${randomUUID().slice(0, 8)}.`;
    // Created here, once, so the two apps starting side by side do not race to create them.
    const kafka = createKafka(connection);
    const specs = Object.values(topicNames(prefix)).map((topic) => ({
      topic,
      partitions: options.partitions ?? 3,
    }));
    await settingUp(() => ensureTopics(kafka, specs));
    const sim = await startCapillarySim({
      auth: AUTH,
      rngSeed: options.rngSeed ?? 7,
      ...(options.seed ? { seed: options.seed } : {}),
    });
    const system = new E2eSystem(prefix, connection, kafkaEnv, sim, await freePort(), options.webhookRetry);
    system.syncs.push({ process: newSyncProcess(), url: `http://127.0.0.1:${await freePort()}` });
    await Promise.all([system.startIngress(options.ingressEnv), system.startSync(options.syncEnv)]);
    await Promise.all([settingUp(() => system.results.start()), settingUp(() => system.deadLetters.start())]);
    system.connectWebhooks();
    return system;
  }

  /** Tests call it before resetting the simulator, so a retried command never lands in the next test. */
  async quiesce(): Promise<void> {
    await this.sim.control.webhooksIdle();
    let calm = 0;
    await waitFor(
      'tier-sync idle',
      async () => {
        const busy =
          (await this.syncMetric('tiersync_consumer_buffered')) +
          (await this.syncMetric('tiersync_consumer_assigned_lag'));
        calm = busy === 0 ? calm + 1 : 0;
        return calm >= 3 ? true : undefined;
      },
      { intervalMs: 200, timeoutMs: 60_000 },
    );
  }

  resetSim(tiersMode: 'array' | 'null' | 'omitDetails' = 'array'): void {
    this.sim.control.reset();
    this.connectWebhooks(tiersMode);
  }

  /** The first instance, the only one unless a test adds more. */
  get sync(): AppProcess {
    return this.instance(0).process;
  }

  async startSync(env: Record<string, string> = {}, index = 0): Promise<void> {
    const { process, url } = this.instance(index);
    process.start({
      ...SYNC_DEFAULTS,
      ...env,
      ...tierSyncEnv({
        kafkaEnv: this.kafkaEnv,
        prefix: this.prefix,
        sim: this.sim,
        auth: AUTH,
        port: Number(new URL(url).port),
      }),
    });
    await process.untilReady(`${url}/health/ready`);
  }

  /** Another tier-sync in the same consumer group; returns its index. */
  async addSync(env: Record<string, string> = {}): Promise<number> {
    const index = this.syncs.push({ process: newSyncProcess(), url: `http://127.0.0.1:${await freePort()}` });
    await this.startSync(env, index - 1);
    return index - 1;
  }

  async restartSync(env: Record<string, string> = {}, index = 0): Promise<void> {
    await this.instance(index).process.stop();
    await this.startSync(env, index);
  }

  /** When tier-sync's consumer group is Stable with `members` members; returns that moment. */
  untilSyncMembers(members: number): Promise<number> {
    const groupId = `${this.prefix}tier-sync`;
    return withAdmin(createKafka({ ...this.connection, clientId: 'e2e-group-watch' }), (admin) => {
      const offsets = new ConsumerGroupOffsets(admin);
      let last = '';
      return waitFor(
        `${groupId} Stable with ${members} members`,
        async () => {
          const view = await offsets.describe(groupId);
          last = `${view.state} with ${view.members.length}`;
          return view.state === 'Stable' && view.members.length === members ? Date.now() : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 100, describe: () => last },
      );
    });
  }

  async post(event: unknown): Promise<number> {
    const response = await fetch(`${this.ingressUrl}/webhooks/capillary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-token': SECRET },
      body: JSON.stringify(event),
    });
    return response.status;
  }

  async callCapillary(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.sim.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: basicAuthorization(AUTH.username, AUTH.password),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  }

  tierOf(customerId: number, programId = DEMO_PROGRAM_ID): number {
    return this.sim.control.tierOf(customerId, programId).tierNumber;
  }

  adjustments(customerId?: number): SimCall[] {
    return this.sim.control
      .calls({ endpoint: 'manualSlabAdjustment' })
      .filter((c) => customerId === undefined || c.query['identifierValue'] === String(customerId));
  }

  emitted(filter: { eventName?: string; customerId?: number } = {}): string[] {
    return this.sim.control
      .emittedEvents()
      .filter((e) => filter.eventName === undefined || e.eventName === filter.eventName)
      .filter((e) => filter.customerId === undefined || customerOf(e) === filter.customerId)
      .map((e) => e.eventId);
  }

  /** Summed over the running instances: a killed one's counts are gone with it. */
  async syncMetric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const running = this.syncs.filter((instance) => instance.process.running);
    const values = await Promise.all(running.map(({ url }) => metricValue(`${url}/metrics`, name, labels)));
    return values.reduce((sum, value) => sum + value, 0);
  }

  resultsFor(eventId: string, count = 1, timeoutMs?: number): Promise<SyncResult[]> {
    return this.results.waitForCount(
      `results for ${eventId}`,
      (r) => r.trigger.eventId === eventId,
      count,
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    this.sim.control.setWebhook(undefined);
    await Promise.all([...this.syncs.map(({ process }) => process.stop()), this.ingress.stop()]);
    await Promise.all([this.results.stop(), this.deadLetters.stop(), this.sim.stop()]);
  }

  private async startIngress(env: Record<string, string> = {}): Promise<void> {
    this.ingress.start({
      LOG_LEVEL: 'warn',
      ...env,
      ...this.kafkaEnv,
      KAFKA_TOPIC_PREFIX: this.prefix,
      INGRESS_HOST: '127.0.0.1',
      INGRESS_PORT: String(this.ingressPort),
      WEBHOOK_SECRET: SECRET,
    });
    await this.ingress.untilReady(`${this.ingressUrl}/health/ready`);
  }

  private get ingressUrl(): string {
    return `http://127.0.0.1:${this.ingressPort}`;
  }

  private instance(index: number): SyncInstance {
    const instance = this.syncs[index];
    if (!instance) {
      throw new Error(`no tier-sync instance ${index}`);
    }
    return instance;
  }

  private connectWebhooks(tiersMode: 'array' | 'null' | 'omitDetails' = 'array'): void {
    this.sim.control.setWebhook({
      url: `${this.ingressUrl}/webhooks/capillary`,
      headerName: 'x-webhook-token',
      secret: SECRET,
      tiersMode,
      maxConnections: 4,
      ...this.webhookRetry,
    });
  }
}

function newSyncProcess(): AppProcess {
  return new AppProcess('tier-sync', { graceMs: 20_000 });
}

export function customerOf(event: { data: unknown }): number | undefined {
  const data = event.data as { customerIdentifiers?: { customerId?: unknown } };
  const id = data.customerIdentifiers?.customerId;
  return typeof id === 'number' ? id : undefined;
}
