import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type ErrorDecision, type KeyedMessage } from '@tiersync/kafka';
import {
  createDeadLetter,
  type GroupSyncCommand,
  InvalidEventError,
  parseGroupSyncCommand,
  type SyncResult,
  type TopicMap,
  type Violation,
} from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { positionOf } from '../router/dedupe-window';
import { GroupLeaderLookup } from '../router/group-leader.lookup';
import { memberlessResult } from '../sync/memberless-result';
import { unreadableCommandResult } from './unreadable-command';
import {
  unreadableEventResult,
  type UnreadableEventSubject,
  unreadableEventSubject,
} from './unreadable-event';

type Where = Pick<KeyedMessage, 'topic' | 'partition' | 'offset'>;

/**
 * The consumer's failure semantics, in one place. Sync failures never get here (they are settled into
 * retries and dead letters by the group sync); what does is either a message that can never be read
 * (kept, never retried: on the DLQ byte for byte, ending as a FAILED sync result) or an infrastructure failure such as a Kafka publish or a Capillary outage during
 * routing (retried with backoff, keeping the key blocked so order holds). A message the consumer finally
 * gives up on is never dropped: a command goes to the DLQ (and ends as a FAILED sync result); a webhook
 * event (which names no group yet, so it cannot be a dead letter) goes back on its topic with a delay and
 * is routed again, for as long as the outage lasts.
 */
@Injectable()
export class ConsumerFailureHandler {
  private readonly logger = new Logger(ConsumerFailureHandler.name);
  private readonly topics: TopicMap;
  /** How long a requeued webhook event waits before it is routed again (SYNC_REQUEUE_DELAY_MS). */
  private readonly requeueDelayMs: number;

  constructor(
    @Inject(TIER_SYNC_CONFIG)
    { kafka }: { kafka: Pick<TierSyncConfig['kafka'], 'topics' | 'requeueDelayMs'> },
    @Inject(SyncPublisher)
    private readonly publisher: Pick<
      SyncPublisher,
      'deadLetters' | 'requeueEvent' | 'result' | 'unreadableRecord'
    >,
    @Inject(SyncMetrics)
    private readonly metrics: Pick<
      SyncMetrics,
      'recordRoute' | 'recordConsumerDeadLetter' | 'recordUnreadable'
    >,
    @Inject(GroupLeaderLookup) private readonly leaders: Pick<GroupLeaderLookup, 'lookup'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.topics = kafka.topics;
    this.requeueDelayMs = kafka.requeueDelayMs;
  }

  readonly onError = async (
    error: unknown,
    message: KeyedMessage,
    attempt: number,
  ): Promise<ErrorDecision> => {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset, attempt };
    const violations = violationsOf(error);
    if (violations === undefined) {
      this.logger.warn({ msg: 'handler failed, retrying', ...where, error: describe(error) });
      return 'retry';
    }
    this.logger.error({ msg: 'unreadable message skipped', ...where, violations });
    // If a publish or the group lookup below fails, the policy throws and the consumer dead-letters the
    // message: the dead-letter handler keeps it the same way (or requeues an event), so it is kept either way.
    if (message.topic === this.topics.webhookEvents) {
      this.metrics.recordRoute('invalid');
      await this.deadLetterUnreadableEvent(message, error, violations);
    } else {
      await this.deadLetterUnreadable(message, error, violations);
    }
    return 'skip';
  };

  readonly onDeadLetter = async (message: KeyedMessage, reason: string, error: unknown): Promise<void> => {
    this.metrics.recordConsumerDeadLetter();
    if (message.topic === this.topics.webhookEvents) {
      await this.requeue(message, reason, error);
      return;
    }
    let command: GroupSyncCommand;
    try {
      command = parseGroupSyncCommand(message.json());
    } catch (unreadable) {
      await this.deadLetterUnreadable(message, unreadable, violationsOf(unreadable) ?? []);
      return;
    }
    await this.deadLetterGivenUp(command, message, `consumer gave up: ${reason}: ${describe(error)}`);
  };

  private async deadLetterGivenUp(
    command: GroupSyncCommand,
    message: KeyedMessage,
    why: string,
  ): Promise<void> {
    const letter = createDeadLetter({
      deadLetterId: randomUUID(),
      commandId: command.commandId,
      groupId: command.groupId,
      reason: { message: why, retryable: true },
      attempts: command.attempt + 1,
      command,
      source: whereOf(message),
      failedAt: Date.now(),
    });
    const headers = forwardedHeaders(message.headers);
    await this.publisher.deadLetters([letter], headers);
    // Every command ends as one sync-results record, this one too: FAILED, with the same reason. The dead
    // letter goes first, so the result never points at a dead letter that was not written.
    await this.publisher.result(
      memberlessResult(
        {
          commandId: command.commandId,
          kind: command.kind,
          groupId: command.groupId,
          primaryCustomerId: command.primaryCustomerId,
          ...(command.programId === undefined ? {} : { programId: command.programId }),
          trigger: command.trigger,
          dryRun: false,
          outcome: 'FAILED',
          reason: letter.reason.message,
        },
        this.now(),
      ),
      headers,
    );
  }

  /**
   * A command that cannot be parsed cannot be a DeadLetter (which embeds the command to redrive): it goes
   * to the DLQ byte for byte, with the why in headers, and ends as a FAILED sync result like any command.
   */
  private async deadLetterUnreadable(
    message: KeyedMessage,
    error: unknown,
    violations: readonly Violation[],
  ): Promise<void> {
    const reason = `tier-sync could not read the command: ${describe(error, false)}`;
    await this.keepUnreadable(message, reason, violations);
    const result = unreadableCommandResult(message, `${reason} (${sourceOf(message)})`, this.now());
    await this.recordFailed(message, result);
  }

  /**
   * A webhook event that cannot be parsed goes to the DLQ like an unreadable command, and ends where its
   * readable twin would have: a FAILED sync result for the group it names or its customer leads (looked up
   * as the router does, BEFORE anything is written, so a Capillary outage requeues it whole). An event
   * about no group leaves no result, as an ignored one does.
   */
  private async deadLetterUnreadableEvent(
    message: KeyedMessage,
    error: unknown,
    violations: readonly Violation[],
  ): Promise<void> {
    const now = this.now();
    const subject = unreadableEventSubject(message, now);
    const group = await this.groupOf(subject, message.signal);
    const reason = `tier-sync could not read the event: ${describe(error, false)}`;
    await this.keepUnreadable(message, reason, violations);
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

  /** Byte for byte and under its own key, with the why in headers; counted by the topic it was read from. */
  private async keepUnreadable(
    message: KeyedMessage,
    reason: string,
    violations: readonly Violation[],
  ): Promise<void> {
    await this.publisher.unreadableRecord(message.key ?? '', message.value ?? Buffer.alloc(0), {
      ...forwardedHeaders(message.headers),
      ...this.unreadableHeaders(message, reason),
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

  private unreadableHeaders(message: KeyedMessage, reason: string): Record<string, string> {
    return { reason: reason.slice(0, 1000), source: sourceOf(message) };
  }

  private async requeue(message: KeyedMessage, reason: string, error: unknown): Promise<void> {
    const { headers } = message;
    const requeuedFrom = headers[HEADERS.requeuedFrom] ?? positionOf(message.partition, message.offset);
    const requeueCount = Number(headers[HEADERS.requeueCount] ?? 0) + 1;
    const notBefore = this.now() + this.requeueDelayMs;
    await this.publisher.requeueEvent(message.key ?? '', message.value ?? Buffer.alloc(0), {
      ...headers,
      [HEADERS.requeuedFrom]: requeuedFrom,
      [HEADERS.requeueCount]: String(requeueCount),
      [HEADERS.notBefore]: String(notBefore),
    });
    this.logger.warn({
      msg: 'event requeued',
      ...whereOf(message),
      eventId: headers[HEADERS.eventId],
      requeuedFrom,
      requeueCount,
      notBefore,
      reason,
      error: describe(error),
    });
  }
}

/** The violations of a message that can never be read; undefined for any other failure. */
function violationsOf(error: unknown): readonly Violation[] | undefined {
  if (error instanceof InvalidEventError) {
    return error.violations;
  }
  return error instanceof SyntaxError ? [{ path: '(root)', message: error.message }] : undefined;
}

function whereOf(message: Where): Where {
  return { topic: message.topic, partition: message.partition, offset: message.offset };
}

function sourceOf(message: Where): string {
  return `${message.topic}:${message.partition}:${message.offset}`;
}

function describe(error: unknown, named = true): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  return named ? `${error.name}: ${error.message}` : error.message;
}
