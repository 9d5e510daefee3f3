import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type KeyedMessage } from '@tiersync/kafka';
import { type SyncResult, type TopicMap, type Violation } from '@tiersync/tier-events';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { forwardedHeaders } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { GroupLeaderLookup } from '../router/group-leader.lookup';
import { describe, sourceOf, whereOf } from './failure-details';
import { unreadableCommandResult } from './unreadable-command';
import {
  unreadableEventResult,
  type UnreadableEventSubject,
  unreadableEventSubject,
} from './unreadable-event';

/** Byte for byte on the DLQ (it cannot be a DeadLetter, which embeds the command to redrive), and ended as a
 * FAILED sync result of the group it is about, so the audit trail shows it. */
@Injectable()
export class UnreadableRecordKeeper {
  private readonly logger = new Logger(UnreadableRecordKeeper.name);
  private readonly topics: TopicMap;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { kafka }: { kafka: Pick<TierSyncConfig['kafka'], 'topics'> },
    @Inject(SyncPublisher) private readonly publisher: Pick<SyncPublisher, 'result' | 'unreadableRecord'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordRoute' | 'recordUnreadable'>,
    @Inject(GroupLeaderLookup) private readonly leaders: Pick<GroupLeaderLookup, 'lookup'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.topics = kafka.topics;
  }

  async keep(message: KeyedMessage, error: unknown, violations: readonly Violation[]): Promise<void> {
    if (message.topic === this.topics.webhookEvents) {
      this.metrics.recordRoute('invalid');
      await this.event(message, error, violations);
    } else {
      await this.command(message, error, violations);
    }
  }

  private async command(
    message: KeyedMessage,
    error: unknown,
    violations: readonly Violation[],
  ): Promise<void> {
    const reason = `tier-sync could not read the command: ${describe(error, false)}`;
    await this.deadLetter(message, reason, violations);
    const result = unreadableCommandResult(message, `${reason} (${sourceOf(message)})`, this.now());
    await this.recordFailed(message, result);
  }

  /** Its group is looked up as the router does, BEFORE anything is written, so a Capillary outage requeues it
   * whole. An event about no group leaves no result, as an ignored one does. */
  private async event(
    message: KeyedMessage,
    error: unknown,
    violations: readonly Violation[],
  ): Promise<void> {
    const now = this.now();
    const subject = unreadableEventSubject(message, now);
    const group = await this.groupOf(subject, message.signal);
    const reason = `tier-sync could not read the event: ${describe(error, false)}`;
    await this.deadLetter(message, reason, violations);
    const result = group && unreadableEventResult(subject, group, `${reason} (${sourceOf(message)})`, now);
    await this.recordFailed(message, result);
  }

  private async groupOf(
    subject: UnreadableEventSubject,
    signal: AbortSignal,
  ): Promise<{ groupId: number; primaryCustomerId?: number } | undefined> {
    if (subject.groupId !== undefined) {
      return { groupId: subject.groupId };
    }
    if (subject.customerId === undefined) {
      return undefined;
    }
    const { groupId } = await this.leaders.lookup(subject.customerId, signal);
    return groupId === null ? undefined : { groupId, primaryCustomerId: subject.customerId };
  }

  private async deadLetter(
    message: KeyedMessage,
    reason: string,
    violations: readonly Violation[],
  ): Promise<void> {
    await this.publisher.unreadableRecord(message.key ?? '', message.value ?? Buffer.alloc(0), {
      ...forwardedHeaders(message.headers),
      reason: reason.slice(0, 1000),
      source: sourceOf(message),
      violations: JSON.stringify(violations),
    });
    this.metrics.recordUnreadable(message.topic);
  }

  private async recordFailed(message: KeyedMessage, result: SyncResult | undefined): Promise<void> {
    if (result) {
      await this.publisher.result(result, forwardedHeaders(message.headers));
      return;
    }
    this.logger.error({
      msg: 'unreadable record names no group we know: dead-lettered without a sync result',
      ...whereOf(message),
    });
  }
}
