import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type ErrorDecision, type KeyedMessage } from '@tiersync/kafka';
import {
  createDeadLetter,
  type GroupSyncCommand,
  parseGroupSyncCommand,
  type TopicMap,
} from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { positionOf } from '../router/dedupe-window';
import { memberlessResult } from '../sync/memberless-result';
import { describe, violationsOf, whereOf } from './failure-details';
import { UnreadableRecordKeeper } from './unreadable-record.keeper';

/**
 * Sync failures are settled by the group sync. What reaches here is either unreadable (kept, never retried:
 * byte for byte on the DLQ, ending as a FAILED sync result) or infrastructure (retried with backoff, the key
 * held so order holds). Nothing given up on is dropped: a command is dead-lettered; a webhook event names no
 * group yet, so it is requeued with a delay for as long as the outage lasts.
 */
@Injectable()
export class ConsumerFailureHandler {
  private readonly logger = new Logger(ConsumerFailureHandler.name);
  private readonly topics: TopicMap;
  private readonly requeueDelayMs: number;

  constructor(
    @Inject(TIER_SYNC_CONFIG)
    { kafka }: { kafka: Pick<TierSyncConfig['kafka'], 'topics' | 'requeueDelayMs'> },
    @Inject(SyncPublisher)
    private readonly publisher: Pick<SyncPublisher, 'deadLetters' | 'requeueEvent' | 'result'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordConsumerDeadLetter'>,
    @Inject(UnreadableRecordKeeper) private readonly unreadable: Pick<UnreadableRecordKeeper, 'keep'>,
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
    // A failing publish or lookup makes the consumer dead-letter the message, which keeps it the same way.
    await this.unreadable.keep(message, error, violations);
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
      await this.unreadable.keep(message, unreadable, violationsOf(unreadable) ?? []);
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
