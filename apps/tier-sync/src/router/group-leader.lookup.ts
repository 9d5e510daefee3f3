import { Inject, Injectable, Logger } from '@nestjs/common';
import { classifyFailure } from '@tiersync/capillary-client';
import { type CustomerRole } from '@tiersync/tier-events';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { KnownPrimaries } from '../capillary/known-primaries';
import { type LeaderResolution, SyncMetrics } from '../observability/sync.metrics';
import { CustomerRolesTable } from '../sync/customer-roles.table';

export interface SecondaryOf {
  groupId: number;
  primaryCustomerId: number;
  commandId?: string;
}

export interface Leadership {
  groupId: number | null;
  reason: string;
  resolution: LeaderResolution;
  secondaryOf?: SecondaryOf;
  cached: boolean;
}

const NO_GROUP_STREAK_ALARM = 1_000;

/**
 * A permanent lookup error (e.g. 8015) means "leads no group"; a retryable one is rethrown so the event is
 * retried, not lost. "No group" for a customer seen as a primary contradicts Capillary's earlier answer:
 * logged, counted, and the group read by id, since a server answering 1632 to every primaryUserId would
 * otherwise silence every event.
 */
@Injectable()
export class GroupLeaderLookup {
  private readonly logger = new Logger(GroupLeaderLookup.name);
  private noGroupStreak = 0;

  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'findGroupLedBy' | 'getGroup'>,
    private readonly known: KnownPrimaries,
    @Inject(SyncMetrics)
    private readonly metrics: Pick<
      SyncMetrics,
      'recordContradiction' | 'recordResolution' | 'roles' | 'setNoGroupStreak'
    >,
    private readonly retry: CapillaryRetry,
    private readonly roles: CustomerRolesTable,
    private readonly snapshots: GroupSnapshots,
  ) {}

  async lookup(customerId: number, signal?: AbortSignal): Promise<Leadership> {
    const leadership = await this.resolve(customerId, signal);
    this.metrics.recordResolution(leadership.resolution);
    this.track(leadership.resolution);
    return leadership;
  }

  /** An org whose server answers 1632 to every primaryUserId from day one shows no "jump" to alert on, so a
   * streak of events resolving to no group is logged at 1,000 and every power of ten after. */
  private track(resolution: Leadership['resolution']): void {
    if (resolution === 'group' || resolution === 'known_primary') {
      this.noGroupStreak = 0;
    } else if (resolution === 'no_group') {
      this.noGroupStreak++;
      if (this.noGroupStreak >= NO_GROUP_STREAK_ALARM && /^10+$/.test(String(this.noGroupStreak))) {
        this.logger.error({
          msg: 'tier events keep resolving to no group: check that GET /v2/userGroup2?primaryUserId= finds groups on this org (docs/operations.md, "Capillary contradictions")',
          eventsInARow: this.noGroupStreak,
        });
      }
    }
    this.metrics.setNoGroupStreak(this.noGroupStreak);
  }

  private async resolve(customerId: number, signal?: AbortSignal): Promise<Leadership> {
    const hit = await this.fromTable(customerId);
    if (hit) {
      const secondaryOf =
        hit.role === 'SECONDARY' && hit.groupId !== undefined && hit.primaryCustomerId !== undefined
          ? { groupId: hit.groupId, primaryCustomerId: hit.primaryCustomerId, ...commandOf(hit.commandId) }
          : undefined;
      const groupId = hit.role === 'PRIMARY' ? (hit.groupId ?? null) : null;
      const resolution = groupId !== null ? 'group' : secondaryOf ? 'secondary_echo' : 'no_group';
      return {
        groupId,
        reason: reasonOf(customerId, secondaryOf),
        resolution,
        ...secondary(secondaryOf),
        cached: true,
      };
    }
    const asked = await this.ask(customerId, signal);
    // Outside ask(): a failed write to the table is Kafka's failure, to retry, never a lookup's answer.
    if (asked.resolution !== 'lookup_failed') {
      await this.roles.observeLookup(customerId, asked.groupId);
    }
    return asked;
  }

  private async ask(customerId: number, signal?: AbortSignal): Promise<Leadership> {
    try {
      const group = await this.retry.execute(() => this.api.findGroupLedBy(customerId), signal);
      if (group) {
        this.snapshots.remember(group);
        this.known.remember(customerId, group.id);
        return { groupId: group.id, reason: reasonOf(customerId), resolution: 'group', cached: false };
      }
      const knownGroup = this.known.groupOf(customerId);
      if (knownGroup !== undefined && (await this.stillLeads(customerId, knownGroup, signal))) {
        return {
          groupId: knownGroup,
          reason: reasonOf(customerId),
          resolution: 'known_primary',
          cached: false,
        };
      }
      return { groupId: null, reason: reasonOf(customerId), resolution: 'no_group', cached: false };
    } catch (error) {
      if (signal?.aborted || classifyFailure(error) === 'retryable') {
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        groupId: null,
        reason: `group lookup for customer ${customerId} failed permanently: ${message}`,
        resolution: 'lookup_failed',
        cached: false,
      };
    }
  }

  /** On a miss, waits (bounded) until this instance has read every role written before now: another
   * instance may have recorded the customer as a secondary just before adjusting them. */
  private async fromTable(customerId: number): Promise<CustomerRole | undefined> {
    const hit = this.roles.get(customerId);
    if (hit) {
      this.metrics.roles.recordLookup('hit');
      return hit;
    }
    if (!(await this.roles.caughtUp())) {
      this.metrics.roles.recordLookup('not_caught_up');
      return undefined;
    }
    const late = this.roles.get(customerId);
    this.metrics.roles.recordLookup(late ? 'hit_after_catch_up' : 'miss');
    return late;
  }

  private async stillLeads(customerId: number, groupId: number, signal?: AbortSignal): Promise<boolean> {
    const group = await this.retry
      .execute(() => this.api.getGroup(groupId), signal)
      .catch((error: unknown) => {
        if (classifyFailure(error) === 'permanent') {
          this.known.forget(customerId);
        }
        throw error;
      });
    const leads = group.primaryUserId === customerId;
    this.snapshots.remember(group);
    if (!leads) {
      this.known.forget(customerId);
      return false;
    }
    this.metrics.recordContradiction('primary_lookup');
    this.logger.error({
      msg: 'GET /v2/userGroup2?primaryUserId= found no group for a customer GET /v2/userGroup2?id= shows as its active primary: synced through the group read by id; check the primaryUserId lookup (docs/operations.md, "Capillary contradictions")',
      customerId,
      groupId,
    });
    return true;
  }
}

function reasonOf(customerId: number, secondaryOf?: SecondaryOf): string {
  const readBy =
    secondaryOf?.commandId === undefined ? '' : ` (member list read by command ${secondaryOf.commandId})`;
  return secondaryOf
    ? `customer ${customerId} is a secondary of group ${secondaryOf.groupId}${readBy}, not a primary: not synced`
    : `customer ${customerId} leads no group: not synced`;
}

function commandOf(commandId: string | undefined): { commandId?: string } {
  return commandId === undefined ? {} : { commandId };
}

function secondary(secondaryOf: SecondaryOf | undefined): { secondaryOf?: SecondaryOf } {
  return secondaryOf ? { secondaryOf } : {};
}
