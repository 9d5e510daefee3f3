import { createKafka, type KafkaConnectionOptions } from '@tiersync/kafka';
import { type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface CollectedResult {
  outcome: string;
  adjusted: number;
  finishedAt: number;
  durationMs: number;
  receivedAt: number | undefined;
}

export class ResultCollector {
  readonly commands: CollectedResult[] = [];
  ignored = 0;
  private consumer: Consumer | undefined;

  constructor(
    private readonly connection: KafkaConnectionOptions,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    this.consumer = createKafka(this.connection).consumer({
      groupId: `bench-sync-${randomUUID()}`,
      // The figures come from the results' own timestamps, so the collector may read in batches: a fetch
      // per result would take CPU from the system measured.
      minBytes: 64 * 1024,
      maxWaitTimeInMs: 200,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        const result = JSON.parse(message.value?.toString('utf8') ?? '{}') as {
          outcome: string;
          finishedAt: number;
          durationMs: number;
          members: { outcome: string }[];
        };
        if (result.outcome === 'IGNORED') {
          this.ignored++;
          return Promise.resolve();
        }
        const receivedAt = Number(message.headers?.['receivedAt']?.toString());
        this.commands.push({
          outcome: result.outcome,
          adjusted: result.members.filter((m) => m.outcome === 'ADJUSTED').length,
          finishedAt: result.finishedAt,
          durationMs: result.durationMs,
          receivedAt: Number.isFinite(receivedAt) ? receivedAt : undefined,
        });
        return Promise.resolve();
      },
    });
  }

  /** Every group's result, and an IGNORED result for the echo of every adjustment: the simulator sends one
   * per adjustment, and a member's echo must cost no sync. */
  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.commands.length < count || this.ignored < this.adjusted()) {
      if (Date.now() > deadline) {
        throw new Error(
          `after ${timeoutMs} ms: ${this.commands.length} of ${count} groups synced, ` +
            `${this.ignored} of ${this.adjusted()} echoes recorded IGNORED`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private adjusted(): number {
    return this.commands.reduce((sum, c) => sum + c.adjusted, 0);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
