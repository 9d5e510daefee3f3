import {
  createSyncJournalIntent,
  type GroupSyncCommand,
  type IntendedAdjustment,
  type Plain,
  type SyncJournalIntent,
} from '@tiersync/tier-events';
import { type Clock } from '../clock';

export interface RunIdentity {
  readonly command: GroupSyncCommand;
  readonly runId: string;
  readonly leaseMs: number;
}

export function lineageOf(command: GroupSyncCommand): string {
  return command.provenance?.originalCommandId ?? command.commandId;
}

/**
 * Members reach their write one by one, each after its own reads. An intent waits until every expected member
 * has decided (to write, or not to), so a run whose members are read first journals one intent rather than one
 * per member; whoever arrives while an intent is being written waits for the next one. A run that writes
 * nothing journals nothing.
 */
export class RunJournal {
  private queued: Plain<IntendedAdjustment>[] = [];
  private next: Promise<void> | undefined;
  private previous: Promise<unknown> = Promise.resolve();
  private written = 0;
  private readonly deciding = new Set<number>();
  private decided: (() => void) | undefined;

  constructor(
    private readonly run: RunIdentity,
    private readonly write: (intent: SyncJournalIntent) => Promise<void>,
    private readonly now: Clock,
    private readonly onRefused: (customerId: number) => void = () => undefined,
  ) {}

  get intents(): number {
    return this.written;
  }

  /** Each of these members will intend() or pass() before the run ends; the next intent waits for them. */
  expect(customerIds: readonly number[]): void {
    for (const id of customerIds) {
      this.deciding.add(id);
    }
  }

  /** The member's first try ended without a write waiting on the journal (in step, skipped, or failed). */
  pass(customerId: number): void {
    this.deciding.delete(customerId);
    this.wake();
  }

  /** Resolves once Kafka holds an intent naming the member; only then may its write go to Capillary. */
  intend(member: Plain<IntendedAdjustment>): Promise<void> {
    this.queued.push(member);
    this.deciding.delete(member.customerId);
    this.next ??= this.previous.then(() => this.allDecided()).then(() => this.flush());
    this.previous = this.next.catch(() => undefined);
    const next = this.next;
    this.wake();
    return next;
  }

  /** Capillary refused a journalled write. Journalled too, so a re-run on another instance after a crash does
   * not credit this run with an adjustment it never made (an unread upgrade refused with 8925). */
  async refused(customerId: number): Promise<void> {
    this.onRefused(customerId);
    await this.write(this.intentOf([], [customerId]));
  }

  private allDecided(): Promise<void> {
    return this.deciding.size === 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          this.decided = resolve;
        });
  }

  private wake(): void {
    if (this.deciding.size === 0) {
      const decided = this.decided;
      this.decided = undefined;
      decided?.();
    }
  }

  private async flush(): Promise<void> {
    const members = this.queued;
    this.queued = [];
    this.next = undefined;
    await this.write(this.intentOf(members));
    this.written++;
  }

  private intentOf(members: Plain<IntendedAdjustment>[], refused?: number[]): SyncJournalIntent {
    const { command, runId, leaseMs } = this.run;
    const writtenAt = this.now();
    return createSyncJournalIntent({
      commandId: command.commandId,
      kind: command.kind,
      groupId: command.groupId,
      lineageId: lineageOf(command),
      runId,
      attempt: command.attempt,
      members,
      ...(refused ? { refused } : {}),
      leaseUntil: writtenAt + leaseMs,
      writtenAt,
    });
  }
}
