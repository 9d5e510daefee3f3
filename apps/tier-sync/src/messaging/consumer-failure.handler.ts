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
import { forwardedHeaders } from './message-headers';
import { type SyncPublisher } from './sync.publisher';

/**
 * The consumer's failure semantics, in one place. Sync failures never get here (they are settled into
 * retries and dead letters by the group sync); what does is either a message that can never be read
 * (skipped deliberately, logged with its position) or an infrastructure failure such as a Kafka publish
 * that did not succeed (retried with backoff, keeping the key blocked so order holds). A message the
 * consumer finally gives up on goes to the DLQ when it is a command, else to the error log.
 */
export class ConsumerFailureHandler {
  private readonly logger = new Logger(ConsumerFailureHandler.name);

  constructor(
    private readonly topics: TopicMap,
    private readonly publisher: Pick<SyncPublisher, 'deadLetters'>,
    private readonly metrics: Pick<SyncMetrics, 'recordRoute' | 'recordConsumerDeadLetter'>,
  ) {}

  readonly onError = (error: unknown, message: KeyedMessage, attempt: number): ErrorDecision => {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset, attempt };
    if (error instanceof InvalidEventError || error instanceof SyntaxError) {
      const violations =
        error instanceof InvalidEventError ? error.violations : [{ path: '(root)', message: error.message }];
      this.logger.error({ msg: 'unreadable message skipped', ...where, violations });
      if (message.topic === this.topics.webhookEvents) {
        this.metrics.recordRoute('invalid');
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
      this.logger.error({
        msg: 'event given up',
        ...where,
        reason,
        error: describe(error),
        value: message.value?.toString('utf8'),
      });
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
    await this.publisher.deadLetters([letter], forwardedHeaders(message.headers));
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
