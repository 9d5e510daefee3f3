import { Inject, Injectable } from '@nestjs/common';
import { type MessageHeaders, RECORD_PUBLISHER, type RecordPublisher } from '@tiersync/kafka';
import {
  type DeadLetter,
  type GroupSyncCommand,
  type SyncJournalIntent,
  type SyncResult,
  type TopicMap,
} from '@tiersync/tier-events';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { HEADERS } from './message-headers';

/** Keyed by group id, so one group's commands, results and dead letters stay in order. Every method resolves
 * only after Kafka acknowledged (acks=all). */
@Injectable()
export class SyncPublisher {
  private readonly topics: TopicMap;

  constructor(
    @Inject(RECORD_PUBLISHER) private readonly publisher: Pick<RecordPublisher, 'publish'>,
    @Inject(TIER_SYNC_CONFIG) { kafka }: { kafka: Pick<TierSyncConfig['kafka'], 'topics'> },
  ) {
    this.topics = kafka.topics;
  }

  async command(command: GroupSyncCommand, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.groupCommands, String(command.groupId), command, {
      ...headers,
      [HEADERS.commandId]: command.commandId,
    });
  }

  /** A delayed retry: the consumer holds it (and later commands of its group) until notBefore. */
  async retry(command: GroupSyncCommand, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.groupCommandsRetry, String(command.groupId), command, {
      ...headers,
      [HEADERS.commandId]: command.commandId,
      [HEADERS.notBefore]: String(command.notBefore ?? 0),
    });
  }

  async intent(intent: SyncJournalIntent, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.syncJournal, String(intent.groupId), intent, {
      ...headers,
      [HEADERS.commandId]: intent.commandId,
    });
  }

  async result(result: SyncResult, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.syncResults, String(result.groupId), result, {
      ...headers,
      [HEADERS.commandId]: result.commandId,
    });
  }

  /** Under its own key, so it stays on its partition behind the same customer's earlier events, to be routed
   * again from notBefore. */
  async requeueEvent(key: string, value: Buffer, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.webhookEvents, key, value, headers);
  }

  /** Byte for byte: an unreadable record cannot be a DeadLetter, which embeds the command to redrive. */
  async unreadableRecord(key: string, value: Buffer, headers: MessageHeaders): Promise<void> {
    await this.write(this.topics.deadLetters, key, value, headers);
  }

  private write(topic: string, key: string, value: unknown, headers: MessageHeaders): Promise<void> {
    return this.publisher.publish(topic, { key, value, headers });
  }

  async deadLetters(letters: readonly DeadLetter[], headers: MessageHeaders): Promise<void> {
    await Promise.all(
      letters.map((letter) =>
        this.write(this.topics.deadLetters, String(letter.groupId), letter, {
          ...headers,
          [HEADERS.commandId]: letter.commandId,
        }),
      ),
    );
  }
}
