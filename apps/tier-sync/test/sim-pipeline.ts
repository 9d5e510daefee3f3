import { CapillaryClient } from '@tiersync/capillary-client';
import { type CapillarySim, startCapillarySim } from '@tiersync/capillary-sim';
import { type DeadLetter, parseEvent, type SyncResult } from '@tiersync/tier-events';
import { GroupSnapshots } from '../src/capillary/group-snapshots';
import { KnownPrimaries } from '../src/capillary/known-primaries';
import { PartnerTiersCache } from '../src/capillary/partner-tiers.cache';
import { ProgramTiersCache } from '../src/capillary/program-tiers.cache';
import { SyncMetrics } from '../src/observability/sync.metrics';
import { DedupeWindow } from '../src/router/dedupe-window';
import { EventRouterService } from '../src/router/event-router.service';
import { GroupLeaderLookup } from '../src/router/group-leader.lookup';
import { IgnoredRecorder } from '../src/router/ignored.recorder';
import { EarlierRunsReconciler } from '../src/sync/earlier-runs.reconciler';
import { GroupCommandService } from '../src/sync/group-command.service';
import { GroupMembershipReader } from '../src/sync/group-membership.reader';
import { GroupSyncService } from '../src/sync/group-sync.service';
import { MemberSyncRunner } from '../src/sync/member-sync.runner';
import { PartnerSyncRunner } from '../src/sync/partner-sync.runner';
import { SyncTargetResolver } from '../src/sync/sync-target.resolver';
import { CaptureJournal } from './capture-journal';
import { CapturePublisher } from './capture-publisher';
import { metricSeries } from './metric-series';
import { testRolesTable } from './roles-table';
import { testPolicy, testRetry, testRouterConfig } from './sync-fixtures';

const AUTH = { username: 'till.user', password: 'till-secret' };

/** The real client talks HTTP to the simulator; Kafka is replaced by handing each published command straight
 * to the group sync. */
export class SimPipeline {
  readonly publisher = new CapturePublisher();
  readonly metrics = new SyncMetrics();
  private readonly client: CapillaryClient;
  private readonly router: EventRouterService;
  private readonly commands: GroupCommandService;
  private routed = 0;
  private offset = 0;

  private constructor(readonly sim: CapillarySim) {
    this.client = new CapillaryClient({
      baseUrl: sim.url,
      auth: { kind: 'basic', ...AUTH },
      timeoutMs: 2_000,
    });
    const config = { router: testRouterConfig(), sync: testPolicy() };
    const retry = testRetry(config.sync);
    const { table: roles } = testRolesTable(config, Date.now, this.metrics);
    const known = new KnownPrimaries();
    const snapshots = new GroupSnapshots();
    this.router = new EventRouterService(
      this.client,
      new DedupeWindow(config),
      known,
      new GroupLeaderLookup(this.client, known, this.metrics, retry, roles, snapshots),
      this.metrics,
      this.publisher,
      new IgnoredRecorder(this.publisher, config),
      retry,
      roles,
      snapshots,
    );
    const sync = new GroupSyncService(
      this.client,
      config,
      known,
      new MemberSyncRunner(this.client, config, retry),
      new GroupMembershipReader(this.client, this.metrics, retry, snapshots),
      new PartnerSyncRunner(
        this.client,
        config,
        this.metrics,
        new PartnerTiersCache(this.client, config),
        retry,
      ),
      retry,
      roles,
      new SyncTargetResolver(config, new ProgramTiersCache(this.client, config)),
    );
    const earlier = new EarlierRunsReconciler(config, new CaptureJournal(this.publisher), this.metrics);
    this.commands = new GroupCommandService(config, this.metrics, this.publisher, sync, earlier);
  }

  static async start(): Promise<SimPipeline> {
    return new SimPipeline(await startCapillarySim({ auth: AUTH }));
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.sim.stop();
  }

  async deliverEmitted(): Promise<void> {
    const events = this.sim.control.emittedEvents().slice(this.routed);
    this.routed += events.length;
    for (const event of events) {
      const before = this.publisher.commands.length;
      await this.router.route(parseEvent(event), {
        partition: 0,
        offset: String(this.offset++),
        headers: {},
        timestamp: String(Date.now()),
        signal: new AbortController().signal,
      });
      for (const { value } of this.publisher.commands.slice(before)) {
        await this.commands.execute(value, {
          topic: 'group-commands',
          partition: 0,
          offset: String(this.offset++),
          headers: {},
          signal: new AbortController().signal,
        });
      }
    }
  }

  resultsFor(eventId: string | undefined): SyncResult[] {
    return this.publisher.results.map((r) => r.value).filter((r) => r.trigger.eventId === eventId);
  }

  get deadLetters(): DeadLetter[] {
    return this.publisher.deadLettered.map((d) => d.value);
  }

  counter(name: string): Promise<Record<string, number>> {
    return metricSeries(this.metrics, name);
  }
}
