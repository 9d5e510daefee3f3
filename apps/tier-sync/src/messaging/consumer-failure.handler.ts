import { Logger } from '@nestjs/common';
import { type ErrorDecision, type KeyedMessage } from '@tiersync/kafka';
import {
  createDeadLetter,
  InvalidEventError,
  parseGroupSyncCommand,
  type TopicMap,
} from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type SyncMetrics } from '../observability/sync.metrics';
import { positionOf } from '../router/dedupe-window';
import { memberlessResult } from '../sync/memberless-result';
import { forwardedHeaders, HEADERS } from './message-headers';
import { type SyncPublisher } from './sync.publisher';

/**
 * The consumer's failure semantics, in one place. Sync failures never get here (they are settled into
 * retries and dead letters by the group sync); what does is either a message that can never be read
 * (skipped deliberately, logged with its position) or an infrastructure failure such as a Kafka publish
 * or a Capillary outage during routing (retried with backoff, keeping the key blocked so order holds).
 * A message the consumer finally gives up on is never dropped: a command goes to the DLQ (and ends as a
 * FAILED sync result); a webhook event
 * (which names no group yet, so it cannot be a dead letter) goes back on its topic with a delay and is
 * routed again, for as long as the outage lasts.
 */
export class ConsumerFailureHandler {
  private readonly logger = new Logger(ConsumerFailureHandler.name);

  constructor(
    private readonly topics: TopicMap,
    private readonly publisher: Pick<
      SyncPublisher,
      'deadLetters' | 'requeueEvent' | 'rejectEvent' | 'result'
    >,
    private readonly metrics: Pick<SyncMetrics, 'recordRoute' | 'recordConsumerDeadLetter'>,
    /** How long a requeued webhook event waits before it is routed again (SYNC_REQUEUE_DELAY_MS). */
    private readonly requeueDelayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  readonly onError = async (
    error: unknown,
    message: KeyedMessage,
    attempt: number,
  ): Promise<ErrorDecision> => {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset, attempt };
    if (error instanceof InvalidEventError || error instanceof SyntaxError) {
      const violations =
        error instanceof InvalidEventError ? error.violations : [{ path: '(root)', message: error.message }];
      this.logger.error({ msg: 'unreadable message skipped', ...where, violations });
      if (message.topic === this.topics.webhookEvents) {
        this.metrics.recordRoute('invalid');
        // If this publish fails, the policy throws and the consumer dead-letters the message, which for a
        // webhook event means a delayed requeue: it is kept either way.
        await this.publisher.rejectEvent(
          message.headers[HEADERS.traceId] ?? where.offset,
          message.value ?? Buffer.alloc(0),
          {
            reason: `tier-sync could not read the event: ${error.message}`.slice(0, 1000),
            violations: JSON.stringify(violations),
            requestHeaders: '{}',
            receivedAt: message.headers[HEADERS.receivedAt] ?? String(this.now()),
            traceId: message.headers[HEADERS.traceId] ?? '',
            source: `${message.topic}:${message.partition}:${message.offset}`,
          },
        );
      }
      return 'skip';
    }
    this.logger.warn({ msg: 'handler failed, retrying', ...where, error: describe(error) });
    return 'retry';
  };

  readonly onDeadLetter = async (message: KeyedMessage, reason: string, error: unknown): Promise<void> => {
    this.metrics.recordConsumerDeadLetter();
    const where = { topic: message.topic, partition: message.partition, offset: message.offset };
    if (message.topic === this.topics.webhookEvents) {
      await this.requeue(message, reason, error);
      return;
    }
    const command = parseGroupSyncCommand(message.json());
    const letter = createDeadLetter({
      deadLetterId: randomUUID(),
      commandId: command.commandId,
      groupId: command.groupId,
      reason: { message: `consumer gave up: ${reason}: ${describe(error)}`, retryable: true },
      attempts: command.attempt + 1,
      command,
      source: where,
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
  };

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
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      eventId: headers[HEADERS.eventId],
      requeuedFrom,
      requeueCount,
      notBefore,
      reason,
      error: describe(error),
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
