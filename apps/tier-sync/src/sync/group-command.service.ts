import { Logger } from '@nestjs/common';
import { createSyncResult, type GroupSyncCommand, type SyncResult } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type SyncPolicy } from '../config/tier-sync.config';
import { type Delivery, epochHeader, forwardedHeaders, HEADERS } from '../messaging/message-headers';
import { type SyncPublisher } from '../messaging/sync.publisher';
import { type SyncMetrics } from '../observability/sync.metrics';
import { settle } from './command-settlement';
import { type GroupSyncService } from './group-sync.service';

export interface GroupCommandDeps {
  metrics: Pick<SyncMetrics, 'recordCommand'>;
  policy: SyncPolicy;
  publisher: Pick<SyncPublisher, 'deadLetters' | 'result' | 'retry'>;
  sync: Pick<GroupSyncService, 'run'>;
  now?: () => number;
}

/**
 * One group command from start to its record: run it, settle failures, then publish dead letters and the
 * retry command BEFORE the single SyncResult, so a result never claims a retry that
 * was not written. A publish failure rejects, the consumer retries the message, and the re-run (which
 * re-reads every member) converges without repeating finished adjustments.
 */
export class GroupCommandService {
  private readonly logger = new Logger(GroupCommandService.name);
  private readonly now: () => number;

  constructor(private readonly deps: GroupCommandDeps) {
    this.now = deps.now ?? Date.now;
  }

  async execute(command: GroupSyncCommand, delivery: Delivery): Promise<SyncResult> {
    const startedAt = this.now();
    const outcome = await this.deps.sync.run(command, delivery);
    const settled = settle(command, outcome, this.deps.policy.retry, {
      startedAt,
      now: this.now(),
      dryRun: this.deps.policy.dryRun,
      newId: randomUUID,
      source: { topic: delivery.topic, partition: delivery.partition, offset: delivery.offset },
    });
    const headers = forwardedHeaders(delivery.headers);
    await this.deps.publisher.deadLetters(settled.deadLetters, headers);
    if (settled.retry) {
      await this.deps.publisher.retry(settled.retry, headers);
    }
    const result = createSyncResult(settled.result);
    await this.deps.publisher.result(result, headers);
    this.deps.metrics.recordCommand(
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
