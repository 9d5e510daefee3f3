import { type KafkaMessage } from 'kafkajs';
import { FifoQueue } from './fifo-queue';

/** Saves decoding fetched messages again, and the paused-fetch polling delay, when room frees up. */
export class ReadAhead {
  private readonly messages = new FifoQueue<KafkaMessage>();
  /** May be past the last message (control records). */
  private end: bigint | undefined;

  get size(): number {
    return this.messages.size;
  }

  get drainedThrough(): bigint | undefined {
    return this.size === 0 ? this.end : undefined;
  }

  add(messages: KafkaMessage[], lastOffset: string): void {
    for (const message of messages) {
      this.messages.push(message);
    }
    this.end = BigInt(lastOffset);
  }

  peek(): KafkaMessage | undefined {
    return this.messages.peek();
  }

  drop(): void {
    this.messages.shift();
  }

  clear(): void {
    this.messages.clear();
    this.end = undefined;
  }

  takeFrom(other: ReadAhead): void {
    const end = other.end;
    if (end !== undefined) {
      this.add(other.messages.drain(), end.toString());
    }
    other.clear();
  }
}
