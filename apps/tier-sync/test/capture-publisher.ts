import { type MessageHeaders } from '@tiersync/kafka';
import {
  type DeadLetter,
  type GroupSyncCommand,
  type SyncJournalIntent,
  type SyncResult,
} from '@tiersync/tier-events';
import { type SyncPublisher } from '../src/messaging/sync.publisher';

type Published<T> = { value: T; headers: MessageHeaders };

export class CapturePublisher implements Pick<
  SyncPublisher,
  'command' | 'retry' | 'result' | 'deadLetters' | 'requeueEvent' | 'unreadableRecord' | 'intent'
> {
  readonly intents: Published<SyncJournalIntent>[] = [];
  readonly commands: Published<GroupSyncCommand>[] = [];
  readonly retries: Published<GroupSyncCommand>[] = [];
  readonly results: Published<SyncResult>[] = [];
  readonly deadLettered: Published<DeadLetter>[] = [];
  readonly requeued: (Published<Buffer> & { key: string })[] = [];
  readonly unreadable: (Published<Buffer> & { key: string })[] = [];

  command(value: GroupSyncCommand, headers: MessageHeaders): Promise<void> {
    this.commands.push({ value, headers });
    return Promise.resolve();
  }

  retry(value: GroupSyncCommand, headers: MessageHeaders): Promise<void> {
    this.retries.push({ value, headers });
    return Promise.resolve();
  }

  intent(value: SyncJournalIntent, headers: MessageHeaders): Promise<void> {
    this.intents.push({ value, headers });
    return Promise.resolve();
  }

  result(value: SyncResult, headers: MessageHeaders): Promise<void> {
    this.results.push({ value, headers });
    return Promise.resolve();
  }

  deadLetters(values: readonly DeadLetter[], headers: MessageHeaders): Promise<void> {
    values.forEach((value) => this.deadLettered.push({ value, headers }));
    return Promise.resolve();
  }

  requeueEvent(key: string, value: Buffer, headers: MessageHeaders): Promise<void> {
    this.requeued.push({ key, value, headers });
    return Promise.resolve();
  }

  unreadableRecord(key: string, value: Buffer, headers: MessageHeaders): Promise<void> {
    this.unreadable.push({ key, value, headers });
    return Promise.resolve();
  }
}
