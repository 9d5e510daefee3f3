import { type Admin } from 'kafkajs';
import { ConsumerGroupOffsets } from './consumer-group-offsets';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/** Read from the broker, not an instance's own view, so a dead instance's partitions cannot stall unseen. */
export class GroupLagMonitor {
  private latest: readonly PartitionLag[] = [];
  private answeredAt: number | undefined;
  private connected = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  async poll(): Promise<void> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    const offsets = new ConsumerGroupOffsets(this.admin);
    const perTopic = await Promise.all(
      this.topics.map(async (topic) =>
        (await offsets.partitions(this.groupId, topic)).map((p) => ({
          topic,
          partition: p.partition,
          lag: p.high - Math.max(p.committed ?? p.low, p.low),
        })),
      ),
    );
    this.latest = perTopic.flat();
    this.answeredAt = this.now();
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    const tick = (): void => {
      this.inFlight ??= this.poll()
        .catch(onError)
        .finally(() => {
          this.inFlight = undefined;
        });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
    if (this.connected) {
      await this.admin.disconnect();
      this.connected = false;
    }
  }

  lags(): readonly PartitionLag[] {
    return this.latest;
  }

  total(): number {
    return this.latest.reduce((sum, p) => sum + p.lag, 0);
  }

  answeredWithin(ms: number): boolean {
    return this.answeredAt !== undefined && this.now() - this.answeredAt <= ms;
  }
}
