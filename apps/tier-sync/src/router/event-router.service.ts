import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type KeyedMessage, type MessageHeaders } from '@tiersync/kafka';
import { createGroupSyncCommand, type GroupSyncCommandInit, type ParsedEvent } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { GroupSnapshots } from '../capillary/group-snapshots';
import { KnownPrimaries } from '../capillary/known-primaries';
import { type Clock, CLOCK } from '../clock';
import { epochHeader, forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { type IgnoreReason, type RouteDecision, SyncMetrics } from '../observability/sync.metrics';
import { CustomerRolesTable } from '../sync/customer-roles.table';
import { DedupeWindow, originalPosition } from './dedupe-window';
import { classifyEvent, type RouteIntent, type TriggerInit } from './event-classifier';
import { GroupLeaderLookup } from './group-leader.lookup';
import { IgnoredRecorder } from './ignored.recorder';

type RoutedMessage = Pick<KeyedMessage, 'partition' | 'offset' | 'headers' | 'timestamp' | 'signal'>;

/** Commands are keyed by group, so one group's work is ordered. */
@Injectable()
export class EventRouterService {
  private readonly logger = new Logger(EventRouterService.name);

  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'getCustomerLoyalty' | 'getGroup'>,
    private readonly dedupe: DedupeWindow,
    private readonly known: KnownPrimaries,
    private readonly lookup: GroupLeaderLookup,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordIgnored' | 'recordRoute'>,
    @Inject(SyncPublisher) private readonly publisher: Pick<SyncPublisher, 'command'>,
    private readonly recorder: IgnoredRecorder,
    private readonly retry: CapillaryRetry,
    private readonly roles: CustomerRolesTable,
    private readonly snapshots: GroupSnapshots,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async route(event: ParsedEvent, message: RoutedMessage): Promise<RouteDecision> {
    const { eventId } = event.envelope;
    const sighting = this.dedupe.check(
      eventId,
      originalPosition(message.partition, message.offset, message.headers[HEADERS.requeuedFrom]),
      Number(message.timestamp),
    );
    if (sighting === 'duplicate') {
      this.logger.debug({ msg: 'duplicate event dropped', eventId, offset: message.offset });
      return this.decided('duplicate');
    }
    const occurredAt =
      event.envelope.createdAt ?? epochHeader(message.headers, HEADERS.receivedAt) ?? this.now();
    const intent = classifyEvent(event, occurredAt);
    const headers = {
      ...forwardedHeaders(message.headers),
      [HEADERS.eventId]: eventId,
      [HEADERS.eventName]: event.envelope.eventName,
    };
    return this.decided(await this.act(intent, headers, message.signal));
  }

  private async act(
    intent: RouteIntent,
    headers: MessageHeaders,
    signal: AbortSignal,
  ): Promise<RouteDecision> {
    switch (intent.type) {
      case 'ignore':
        return this.ignore({ kind: 'TIER_SYNC', ...intent }, headers);
      case 'tier':
      case 'partner':
        return this.fromCustomer(intent, headers, signal);
      case 'join':
        return this.join(intent, headers, signal);
      case 'leave':
        await this.roles.forgetGroup(intent.groupId, [intent.memberId]);
        this.snapshots.forget(intent.groupId);
        if (this.known.groupOf(intent.memberId) === intent.groupId) {
          this.known.forget(intent.memberId);
        }
        if (intent.primaryCustomerId !== undefined && intent.primaryCustomerId !== intent.memberId) {
          this.known.remember(intent.primaryCustomerId, intent.groupId);
        }
        return this.ignore(
          {
            kind: 'JOIN_SYNC',
            ...intent,
            why: 'member_left',
            reason: `member ${intent.memberId} left group ${intent.groupId}: group caches invalidated, nothing to sync`,
          },
          headers,
        );
    }
  }

  private async fromCustomer(
    intent: Extract<RouteIntent, { type: 'tier' | 'partner' }>,
    headers: MessageHeaders,
    signal: AbortSignal,
  ): Promise<RouteDecision> {
    const kind = intent.type === 'tier' ? 'TIER_SYNC' : 'PARTNER_SYNC';
    const leader = await this.lookup.lookup(intent.customerId, signal);
    if (leader.groupId === null) {
      const known = leader.secondaryOf;
      return this.ignore(
        {
          kind,
          trigger: intent.trigger,
          why:
            leader.resolution === 'secondary_echo' || leader.resolution === 'lookup_failed'
              ? leader.resolution
              : 'leads_no_group',
          reason: leader.reason,
          customerId: intent.customerId,
          ...(known ? { groupId: known.groupId, primaryCustomerId: known.primaryCustomerId } : {}),
          ...(intent.programId ? { programId: intent.programId } : {}),
        },
        headers,
      );
    }
    return this.command(
      {
        kind,
        groupId: leader.groupId,
        primaryCustomerId: intent.customerId,
        ...(intent.programId ? { programId: intent.programId } : {}),
        ...(intent.type === 'partner' ? { partner: intent.partner } : {}),
        trigger: intent.trigger,
      },
      headers,
    );
  }

  private async join(
    intent: Extract<RouteIntent, { type: 'join' }>,
    headers: MessageHeaders,
    signal: AbortSignal,
  ): Promise<RouteDecision> {
    await this.roles.forgetGroup(intent.groupId, [intent.memberId]);
    this.snapshots.forget(intent.groupId);
    // The vendor's samples always name the primary; reading the group is the fallback.
    const primary =
      intent.primaryCustomerId ??
      (await this.retry.execute(() => this.api.getGroup(intent.groupId), signal)).primaryUserId;
    if (primary !== undefined) {
      this.known.remember(primary, intent.groupId);
    }
    if (primary === undefined || primary === intent.memberId) {
      const noPrimary = primary === undefined;
      return this.ignore(
        {
          kind: 'JOIN_SYNC',
          ...intent,
          ...(primary ? { primaryCustomerId: primary } : {}),
          why: noPrimary ? 'no_active_primary' : 'joiner_is_primary',
          reason: noPrimary ? 'the group has no active primary' : 'the member who joined is the primary',
        },
        headers,
      );
    }
    // Tiers are per program: the joiner is aligned in every program the primary has a tier in.
    const programs = await this.retry.execute(() => this.api.getCustomerLoyalty(primary), signal);
    if (programs.length === 0) {
      const reason = `primary ${primary} is in no loyalty program: nothing to align`;
      return this.ignore(
        { kind: 'JOIN_SYNC', ...intent, primaryCustomerId: primary, why: 'primary_in_no_program', reason },
        headers,
      );
    }
    for (const { programId } of programs) {
      await this.command(
        {
          kind: 'JOIN_SYNC',
          groupId: intent.groupId,
          primaryCustomerId: primary,
          programId,
          memberIds: [intent.memberId],
          trigger: intent.trigger,
        },
        headers,
      );
    }
    return 'command';
  }

  private async command(
    init: Omit<GroupSyncCommandInit, 'commandId' | 'attempt' | 'createdAt' | 'trigger'> & {
      trigger: TriggerInit;
    },
    headers: MessageHeaders,
  ): Promise<RouteDecision> {
    const now = this.now();
    const command = createGroupSyncCommand({
      ...init,
      commandId: randomUUID(),
      attempt: 0,
      provenance: { source: 'webhook' },
      createdAt: now,
    });
    await this.publisher.command(command, headers);
    return 'command';
  }

  private async ignore(
    { why, ...event }: Parameters<IgnoredRecorder['record']>[0] & { why: IgnoreReason },
    headers: MessageHeaders,
  ): Promise<RouteDecision> {
    this.metrics.recordIgnored(why);
    await this.recorder.record(event, headers);
    return 'ignored';
  }

  private decided(decision: RouteDecision): RouteDecision {
    this.metrics.recordRoute(decision);
    return decision;
  }
}
