import { type EventPublisher, type MessageHeaders } from '@tiersync/kafka';

interface Queued {
  topic: string;
  record: { key: string; value: unknown; headers: MessageHeaders };
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Records per produce request at most (a few KB each: well under the broker's message size limit). */
const MAX_BATCH = 500;

/**
 * Group commit for the many small records the sync writes (commands, results, echo records, dead letters):
 * at most one produce request is in flight, and whatever arrives meanwhile leaves together in the next one,
 * a batch per topic. Fewer requests cost less CPU under load, and kafkajs' idempotent producer is only safe
 * with one send at a time. Each publish still resolves only on the broker's ack of its own batch, and
 * records of one topic keep their order.
 */
export class CoalescingPublisher {
  private readonly queue: Queued[] = [];
  private sending = false;

  constructor(private readonly publisher: Pick<EventPublisher, 'publishBatch'>) {}

  publish(topic: string, key: string, value: unknown, headers: MessageHeaders = {}): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, record: { key, value, headers }, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.sending) {
      return;
    }
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        for (const [topic, items] of byTopic(batch)) {
          await this.send(topic, items);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private async send(topic: string, items: Queued[]): Promise<void> {
    try {
      await this.publisher.publishBatch(
        topic,
        items.map((item) => item.record),
      );
      items.forEach((item) => {
        item.resolve();
      });
    } catch (error) {
      // The callers decide: every handler waiting on this batch fails, and its message is retried.
      items.forEach((item) => {
        item.reject(error);
      });
    }
  }
}

function byTopic(items: Queued[]): Map<string, Queued[]> {
  const groups = new Map<string, Queued[]>();
  for (const item of items) {
    groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  }
  return groups;
}
