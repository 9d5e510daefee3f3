import { type KeyedConsumerEvent, type KeyedConsumerLogger } from './keyed-consumer.options';
import { describe } from './message-work';

export class ConsumerEvents {
  private readonly listeners = new Set<(event: KeyedConsumerEvent) => void>();

  constructor(private readonly log: KeyedConsumerLogger) {}

  on(listener: (event: KeyedConsumerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: KeyedConsumerEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.warn('KeyedConsumer event listener threw', { event: event.type, error: describe(error) });
      }
    }
  }
}

export const consoleLogger: KeyedConsumerLogger = {
  warn: (message, context) => {
    console.warn(`[KeyedConsumer] ${message}`, context ?? {});
  },
  error: (message, context) => {
    console.error(`[KeyedConsumer] ${message}`, context ?? {});
  },
};
