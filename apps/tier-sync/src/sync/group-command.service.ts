import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createSyncResult, type GroupSyncCommand, type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '../clock';
import { type SyncPolicy, TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { type Delivery, epochHeader, forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { SyncPublisher } from '../messaging/sync.publisher';
import { SyncMetrics } from '../observability/sync.metrics';
import { settle } from './command-settlement';
import { GroupSyncService } from './group-sync.service';

/** Dead letters and the retry command go out BEFORE the SyncResult, so a result never claims an unwritten
 * retry; a re-run after a publish failure re-reads every member and repeats no adjustment. */
@Injectable()
export class GroupCommandService {
  private readonly logger = new Logger(GroupCommandService.name);
  private readonly policy: SyncPolicy;

  constructor(
    @Inject(TIER_SYNC_CONFIG) config: Pick<TierSyncConfig, 'sync'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordCommand'>,
    @Inject(SyncPublisher)
    private readonly publisher: Pick<SyncPublisher, 'deadLetters' | 'result' | 'retry'>,
    @Inject(GroupSyncService) private readonly sync: Pick<GroupSyncService, 'run'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.policy = config.sync;
  }

  async execute(command: GroupSyncCommand, delivery: Delivery): Promise<SyncResult> {
    const startedAt = this.now();
    const outcome = await this.sync.run(command, delivery);
    const settled = settle(command, outcome, this.policy.retry, {
      startedAt,
      now: this.now(),
      dryRun: this.policy.dryRun,
      newId: randomUUID,
      source: { topic: delivery.topic, partition: delivery.partition, offset: delivery.offset },
    });
    const headers = forwardedHeaders(delivery.headers);
    await this.publisher.deadLetters(settled.deadLetters, headers);
    if (settled.retry) {
      await this.publisher.retry(settled.retry, headers);
    }
    const result = createSyncResult(settled.result);
    await this.publisher.result(result, headers);
    this.metrics.recordCommand(
      result,
      settled.retry !== undefined,
      settled.deadLetters.length,
      epochHeader(delivery.headers, HEADERS.receivedAt),
    );
    // The audit trail is the sync-results topic; the log speaks up only when something needs a look.
    const quiet = result.outcome === 'SYNCED' || result.outcome === 'NOTHING_TO_DO';
    (quiet ? this.logger.debug.bind(this.logger) : this.logger.log.bind(this.logger))({
      msg: 'group command done',
      commandId: command.commandId,
      kind: command.kind,
      groupId: command.groupId,
      attempt: command.attempt,
      outcome: result.outcome,
      durationMs: result.durationMs,
      ...(result.reason ? { reason: result.reason } : {}),
    });
    return result;
  }
}
