import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type FollowedRecord, followTopics, type Kafka, type TopicFollower } from '@tiersync/kafka';
import { Readiness } from '@tiersync/nest-observability';
import { parseSyncJournalIntent, parseSyncResult } from '@tiersync/tier-events';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT } from '../messaging/kafka.client';
import { SyncMetrics } from '../observability/sync.metrics';
import { RunLedger } from './run-ledger';

/** Records between two prunes of the ledger: pruning walks every run, so not on every record. */
const PRUNE_EVERY = 1000;

/**
 * Follows the sync journal and sync-results from `now - window`, on every instance, so a re-run of a command
 * knows what earlier runs (on any instance, before any crash) did. Started before the consumer runs.
 */
@Injectable()
export class JournalFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JournalFollower.name);
  readonly ledger: RunLedger;
  private follower: TopicFollower | undefined;
  private loaded = false;
  private sincePrune = 0;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(TIER_SYNC_CONFIG) private readonly config: Pick<TierSyncConfig, 'kafka' | 'sync'>,
    @Inject(SyncMetrics) private readonly metrics: Pick<SyncMetrics, 'recordJournalUnreadable'>,
    readiness: Readiness,
  ) {
    this.ledger = new RunLedger(config.sync.journal.windowMs);
    readiness.register('syncJournal', () => this.loaded);
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const { topics, consumerGroup } = this.config.kafka;
    this.follower = followTopics(this.kafka, {
      topics: [topics.syncJournal, topics.syncResults],
      from: { timestamp: started - this.config.sync.journal.windowMs },
      groupPrefix: `${consumerGroup}-journal`,
      onRecord: (record) => {
        this.read(record);
      },
    });
    await this.follower.start();
    this.loaded = true;
    this.logger.log({ msg: 'sync journal loaded', runs: this.ledger.size, ms: Date.now() - started });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
  }

  /** False when not read up to the end offsets as of this call within the timeout. */
  caughtUp(): Promise<boolean> {
    return this.follower
      ? this.follower.caughtUp(this.config.sync.journal.catchUpTimeoutMs)
      : Promise.resolve(false);
  }

  private read(record: FollowedRecord): void {
    const { topics } = this.config.kafka;
    try {
      const value = JSON.parse(record.value?.toString('utf8') ?? 'null') as unknown;
      if (record.topic === topics.syncJournal) {
        this.ledger.addIntent(parseSyncJournalIntent(value), record.timestamp);
      } else if (namesRun(value)) {
        this.ledger.addResult(parseSyncResult(value), record.timestamp);
      }
    } catch (error) {
      this.metrics.recordJournalUnreadable(record.topic);
      this.logger.error({
        msg: 'unreadable record skipped by the journal follower',
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      this.ledger.prune(Date.now());
    }
  }
}

/** Only a group run's result names a run; the rest (an echo's IGNORED, most of them) need no full parse. */
function namesRun(value: unknown): boolean {
  return typeof value !== 'object' || value === null || 'runId' in value;
}
