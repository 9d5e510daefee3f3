import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { GroupLagMonitor, type Kafka, type PartitionLag } from '@tiersync/kafka';
import { TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { KAFKA_CLIENT } from './kafka.client';

/** Polled through the admin client every KAFKA_LAG_POLL_INTERVAL_MS; readiness and the lag gauges read it. */
@Injectable()
export class GroupLagProbe implements OnApplicationShutdown {
  private readonly logger = new Logger(GroupLagProbe.name);
  private monitor: GroupLagMonitor | undefined;
  private failing = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(TIER_SYNC_CONFIG) private readonly config: TierSyncConfig,
  ) {}

  start(topics: readonly string[]): void {
    const { consumerGroup, lagPollIntervalMs } = this.config.kafka;
    this.monitor = new GroupLagMonitor(this.kafka.admin(), consumerGroup, topics);
    this.monitor.start(lagPollIntervalMs, (error) => {
      // One line per outage, not one per poll.
      if (!this.failing) {
        this.failing = true;
        this.logger.warn({ msg: 'Kafka is not answering the lag poll', error: String(error) });
      }
    });
  }

  lags(): readonly PartitionLag[] {
    return this.monitor?.lags() ?? [];
  }

  /** Reachable: the broker answered within KAFKA_READY_GRACE_MS, so one slow poll is not an outage. */
  brokerAnswering(): boolean {
    const answering = this.monitor?.answeredWithin(this.config.kafka.readyGraceMs) ?? false;
    if (answering && this.failing) {
      this.failing = false;
      this.logger.log('Kafka answers the lag poll again');
    }
    return answering;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.monitor?.stop();
  }
}
