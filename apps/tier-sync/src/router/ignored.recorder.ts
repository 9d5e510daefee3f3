import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type MessageHeaders } from '@tiersync/kafka';
import { type CommandKind } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';
import { type Clock, CLOCK } from '../clock';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { SyncPublisher } from '../messaging/sync.publisher';
import { memberlessResult } from '../sync/memberless-result';
import { type TriggerInit } from './event-classifier';

export interface IgnoredEvent {
  kind: CommandKind;
  trigger: TriggerInit;
  reason: string;
  groupId?: number;
  primaryCustomerId?: number;
  programId?: number;
  customerId?: number;
}

/** SyncResult requires a group, so an event naming no group we know is logged and counted instead. */
@Injectable()
export class IgnoredRecorder {
  private readonly logger = new Logger(IgnoredRecorder.name);
  private readonly dryRun: boolean;

  constructor(
    @Inject(SyncPublisher) private readonly publisher: Pick<SyncPublisher, 'result'>,
    @Inject(TIER_SYNC_CONFIG) { sync }: { sync: Pick<TierSyncConfig['sync'], 'dryRun'> },
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    this.dryRun = sync.dryRun;
  }

  async record(event: IgnoredEvent, headers: MessageHeaders): Promise<boolean> {
    const { groupId, primaryCustomerId } = event;
    if (groupId === undefined || primaryCustomerId === undefined) {
      this.logger.log({
        msg: 'event ignored',
        eventId: event.trigger.eventId,
        eventName: event.trigger.eventName,
        customerId: event.customerId,
        reason: event.reason,
      });
      return false;
    }
    const result = memberlessResult(
      {
        commandId: randomUUID(),
        kind: event.kind,
        groupId,
        primaryCustomerId,
        ...(event.programId ? { programId: event.programId } : {}),
        trigger: event.trigger,
        dryRun: this.dryRun,
        outcome: 'IGNORED',
        reason: event.reason,
      },
      this.now(),
    );
    await this.publisher.result(result, headers);
    return true;
  }
}
