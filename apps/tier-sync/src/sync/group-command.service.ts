import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createSyncResult, type GroupSyncCommand, type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '../clock';
import { type SyncPolicy, TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { type Delivery, epochHeader, forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { type RunRecordKind, SyncMetrics } from '../observability/sync.metrics';
import { settle } from './command-settlement';
import { EarlierRunsReconciler } from './earlier-runs.reconciler';
import { GroupSyncService } from './group-sync.service';
import { publishUntilTaken } from './publish-until-taken';
import { RunJournal } from './run-journal';

type Publisher = Pick<SyncPublisher, 'deadLetters' | 'intent' | 'result' | 'retry'>;
type Metrics = Pick<SyncMetrics, 'recordCommand' | 'recordJournalIntent' | 'recordPublishRetry'>;

/**
 * One run of a command: journal before writing, sync, settle, then dead letters and the retry command
 * BEFORE the SyncResult, so a result never claims an unwritten retry. A failed publish is retried in place
 * rather than by re-running the command (docs/architecture.md, "Audit: sync-results").
 */
@Injectable()
export class GroupCommandService {
  private readonly logger = new Logger(GroupCommandService.name);
  private readonly policy: SyncPolicy;

  constructor(
    @Inject(TIER_SYNC_CONFIG) config: Pick<TierSyncConfig, 'sync'>,
    @Inject(SyncMetrics) private readonly metrics: Metrics,
    @Inject(SyncPublisher) private readonly publisher: Publisher,
    @Inject(GroupSyncService) private readonly sync: Pick<GroupSyncService, 'run'>,
    @Inject(EarlierRunsReconciler)
    private readonly earlier: Pick<EarlierRunsReconciler, 'noteRefused' | 'reconcile'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.policy = config.sync;
  }

  async execute(command: GroupSyncCommand, delivery: Delivery): Promise<SyncResult> {
    const startedAt = this.now();
    const runId = randomUUID();
    const headers = forwardedHeaders(delivery.headers);
    const publish = (record: RunRecordKind, write: () => Promise<void>) =>
      publishUntilTaken(write, {
        baseMs: this.policy.retry.backoffBaseMs,
        maxMs: this.policy.retry.backoffMaxMs,
        signal: delivery.signal,
        onRetry: (failures, error) => {
          this.metrics.recordPublishRetry(record);
          this.logger.warn({
            msg: 'publish failed, retrying',
            record,
            commandId: command.commandId,
            failures,
            error: String(error),
          });
        },
      });
    const journal = new RunJournal(
      { command, runId, leaseMs: this.policy.journal.leaseMs },
      async (intent) => {
        await publish('intent', () => this.publisher.intent(intent, headers));
        this.metrics.recordJournalIntent();
      },
      this.now,
      (customerId) => {
        this.earlier.noteRefused(runId, customerId);
      },
    );
    const ran = await this.sync.run(command, delivery, journal);
    const outcome = await this.earlier.reconcile(command, runId, ran, delivery.signal);
    const settled = settle(command, outcome, this.policy.retry, {
      runId,
      startedAt,
      now: this.now(),
      dryRun: this.policy.dryRun,
      newId: randomUUID,
      source: { topic: delivery.topic, partition: delivery.partition, offset: delivery.offset },
    });
    await publish('dead_letter', () => this.publisher.deadLetters(settled.deadLetters, headers));
    const { retry } = settled;
    if (retry) {
      await publish('retry', () => this.publisher.retry(retry, headers));
    }
    const result = createSyncResult(settled.result);
    await publish('result', () => this.publisher.result(result, headers));
    this.metrics.recordCommand(
      result,
      settled.retry !== undefined,
      settled.deadLetters.length,
      epochHeader(delivery.headers, HEADERS.receivedAt),
    );
    this.log(command, result);
    return result;
  }

  private log(command: GroupSyncCommand, result: SyncResult): void {
    // The audit trail is the sync-results topic; the log speaks up only when something needs a look.
    const quiet = result.outcome === 'SYNCED' || result.outcome === 'NOTHING_TO_DO';
    (quiet ? this.logger.debug.bind(this.logger) : this.logger.log.bind(this.logger))({
      msg: 'group command done',
      commandId: command.commandId,
      runId: result.runId,
      kind: command.kind,
      groupId: command.groupId,
      attempt: command.attempt,
      outcome: result.outcome,
      durationMs: result.durationMs,
      ...(result.reason ? { reason: result.reason } : {}),
    });
  }
}
