import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { type MemberRow } from '@tiersync/capillary-client';
import {
  type FollowedRecord,
  followTopics,
  type Kafka,
  RECORD_PUBLISHER,
  type RecordPublisher,
  type TopicFollower,
} from '@tiersync/kafka';
import { Readiness } from '@tiersync/nest-observability';
import {
  createCustomerRole,
  type CustomerRole,
  type CustomerRoleInit,
  parseCustomerRole,
} from '@tiersync/tier-events';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT } from '../messaging/kafka.client';
import { SyncMetrics } from '../observability/sync.metrics';
import { RolesView } from './roles-view';
import { RolesWriteError } from './roles-write.error';

export interface RolesTableConfig {
  kafka: Pick<TierSyncConfig['kafka'], 'consumerGroup' | 'topics'>;
  router: Pick<TierSyncConfig['router'], 'groupCacheTtlMs' | 'rolesCatchUpTimeoutMs'>;
  sync: Pick<TierSyncConfig['sync'], 'echoShortcut'>;
}

export type RoleObservation = Omit<CustomerRoleInit, 'observedAt'>;

/**
 * Every instance's shared knowledge of who leads, or follows, which group: the compacted customer-roles topic,
 * read into a RolesView before the consumer runs and followed afterwards. A write is acknowledged before the
 * caller goes on, so a record written before an adjustment is on the topic before that adjustment's echo.
 */
@Injectable()
export class CustomerRolesTable implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CustomerRolesTable.name);
  private readonly view: RolesView;
  private readonly topic: string;
  private follower: TopicFollower | undefined;
  private loaded = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(RECORD_PUBLISHER) private readonly publisher: Pick<RecordPublisher, 'publish'>,
    @Inject(TIER_SYNC_CONFIG) private readonly config: RolesTableConfig,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'roles'>,
    @Optional() readiness?: Readiness,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.view = new RolesView(config.router.groupCacheTtlMs, now);
    this.topic = config.kafka.topics.customerRoles;
    metrics.roles.observeSize(() => this.view.size);
    readiness?.register('rolesTable', () => this.loaded || !this.view.enabled);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.view.enabled) {
      return;
    }
    const started = this.now();
    this.follower = followTopics(this.kafka, {
      topics: [this.topic],
      from: 'earliest',
      groupPrefix: `${this.config.kafka.consumerGroup}-roles`,
      onRecord: (record) => {
        this.read(record);
      },
      logger: {
        warn: (msg, context) => {
          this.logger.warn({ msg, ...context });
        },
        error: (msg, context) => {
          this.logger.error({ msg, ...context });
        },
      },
    });
    await this.follower.start();
    this.loaded = true;
    this.logger.log({ msg: 'customer roles loaded', customers: this.view.size, ms: this.now() - started });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
  }

  /** A SECONDARY counts only with SYNC_ECHO_SHORTCUT on: off means every echo is looked up. */
  get(customerId: number): CustomerRole | undefined {
    const role = this.view.fresh(customerId);
    return role?.role === 'SECONDARY' && !this.config.sync.echoShortcut ? undefined : role;
  }

  /** True once this instance has read every role written anywhere before the call; false after the
   * configured wait, or when the broker could not say. */
  async caughtUp(): Promise<boolean> {
    const timeoutMs = this.config.router.rolesCatchUpTimeoutMs;
    if (!this.follower || timeoutMs === 0) {
      return false;
    }
    try {
      return await this.follower.caughtUp(timeoutMs);
    } catch (error) {
      this.logger.error({ msg: 'customer roles: catch-up check failed', error: String(error) });
      return false;
    }
  }

  /** The group's members as read: its active primary leads it; its active secondaries follow it, unless the
   * table knows them as the primary of another group (docs/architecture.md, API fact 13). Whoever else the
   * table placed in the group (an exited member, a former primary) is forgotten. */
  async observeGroup(groupId: number, members: readonly MemberRow[], commandId: string): Promise<void> {
    const primary = members.find((m) => m.active && m.primaryMember)?.customerId;
    const observed: RoleObservation[] = [];
    if (primary !== undefined) {
      observed.push({ customerId: primary, role: 'PRIMARY', groupId, commandId, source: 'group-read' });
      if (this.config.sync.echoShortcut) {
        for (const m of members.filter((row) => row.active && !row.primaryMember)) {
          const current = this.view.fresh(m.customerId);
          if (current?.role !== 'PRIMARY' || current.groupId === groupId) {
            const role = 'SECONDARY';
            observed.push({
              customerId: m.customerId,
              role,
              groupId,
              primaryCustomerId: primary,
              commandId,
              source: 'group-read',
            });
          }
        }
      }
    }
    const kept = new Set(observed.map((o) => o.customerId));
    const gone = this.view.membersOf(groupId).filter((customerId) => !kept.has(customerId));
    await Promise.all([this.write(observed), this.forget(gone)]);
  }

  async observeLookup(customerId: number, groupId: number | null): Promise<void> {
    await this.write([
      groupId === null
        ? { customerId, role: 'NONE', source: 'lookup' }
        : { customerId, role: 'PRIMARY', groupId, source: 'lookup' },
    ]);
  }

  /** Membership changed: what the table knew of the group and of the customers named is no longer trusted. */
  async forgetGroup(groupId: number, customerIds: readonly number[]): Promise<void> {
    await this.forget([...new Set([...this.view.membersOf(groupId), ...customerIds])]);
  }

  async forget(customerIds: readonly number[]): Promise<void> {
    const known = customerIds.filter((customerId) => this.view.fresh(customerId) !== undefined);
    await Promise.all(
      known.map(async (customerId) => {
        await this.publish(customerId, null);
        this.view.apply(customerId, null);
        this.metrics.roles.recordWrite('tombstone');
      }),
    );
  }

  private async write(observations: readonly RoleObservation[]): Promise<void> {
    const observedAt = this.now();
    const roles = observations
      .map((o) => createCustomerRole({ ...o, observedAt }))
      .filter((role) => this.view.needsWrite(role));
    await Promise.all(
      roles.map(async (role) => {
        await this.publish(role.customerId, role);
        this.view.apply(role.customerId, role);
        this.metrics.roles.recordWrite(role.role);
      }),
    );
  }

  private async publish(customerId: number, value: CustomerRole | null): Promise<void> {
    try {
      await this.publisher.publish(this.topic, { key: String(customerId), value });
    } catch (error) {
      throw new RolesWriteError(error);
    }
  }

  /** A cache, not an event: a record it cannot read is counted, logged and skipped, never retried. */
  private read(record: FollowedRecord): void {
    const customerId = Number(record.key);
    try {
      if (!Number.isSafeInteger(customerId) || customerId <= 0) {
        throw new Error(`key ${JSON.stringify(record.key)} is not a customer id`);
      }
      const role =
        record.value === null ? null : parseCustomerRole(JSON.parse(record.value.toString('utf8')));
      if (role !== null && role.customerId !== customerId) {
        throw new Error(`key ${customerId} holds the role of customer ${role.customerId}`);
      }
      this.view.apply(customerId, role);
    } catch (error) {
      this.metrics.roles.recordUnreadable();
      this.logger.error({
        msg: 'customer roles: unreadable record skipped',
        source: `${record.topic}:${record.partition}:${record.offset}`,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
