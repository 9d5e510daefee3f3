import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { type Kafka } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { KeyedConsumer } from '../consumer/keyed-consumer';
import {
  type KeyedConsumerEvent,
  type KeyedConsumerLogger,
  type KeyedConsumerOptions,
} from '../consumer/keyed-consumer.options';
import { type KeyedMessage } from '../consumer/keyed-message';
import { KeyedKafkaContext } from './keyed-kafka.context';

export const KEYED_KAFKA_TRANSPORT = Symbol('KEYED_KAFKA_TRANSPORT');

export interface KeyedKafkaTransportOptions extends Omit<KeyedConsumerOptions, 'handler' | 'topics'> {
  kafka: Kafka;
  topics?: string[];
  shutdownDeadlineMs?: number;
}

type TransportEvents = { event: (event: KeyedConsumerEvent) => void };

export class KeyedKafkaTransport extends Server<TransportEvents> implements CustomTransportStrategy {
  private consumer: KeyedConsumer | undefined;
  private readonly listeners: ((event: KeyedConsumerEvent) => void)[] = [];

  constructor(private readonly options: KeyedKafkaTransportOptions) {
    super();
    this.transportId = KEYED_KAFKA_TRANSPORT;
  }

  listen(callback: (error?: unknown) => void): void {
    const { kafka, topics, shutdownDeadlineMs: _deadline, ...consumerOptions } = this.options;
    const subscribed = topics ?? [...this.getHandlers().keys()];
    if (subscribed.length === 0) {
      callback(new Error('KeyedKafkaTransport: no topics and no @EventPattern handlers'));
      return;
    }
    const consumer = new KeyedConsumer(kafka, {
      ...consumerOptions,
      topics: subscribed,
      handler: (message) => this.dispatch(message),
      logger: consumerOptions.logger ?? nestLogger(new Logger(KeyedKafkaTransport.name)),
    });
    this.listeners.forEach((listener) => consumer.on(listener));
    this.consumer = consumer;
    consumer.start().then(
      () => {
        this._status$.next('connected');
        callback();
      },
      (error: unknown) => {
        callback(error);
      },
    );
  }

  async close(): Promise<void> {
    await this.consumer?.stop({ deadlineMs: this.options.shutdownDeadlineMs ?? 30_000 });
    this._status$.next('disconnected');
  }

  on(_event: keyof TransportEvents, callback: TransportEvents['event']): () => void {
    this.listeners.push(callback);
    return this.consumer?.on(callback) ?? (() => undefined);
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Nest's Server declares it so.
  unwrap<T>(): T {
    if (!this.consumer) {
      throw new Error('KeyedKafkaTransport is not listening yet');
    }
    return this.consumer as unknown as T;
  }

  private async dispatch(message: KeyedMessage): Promise<void> {
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) {
      throw new Error(`KeyedKafkaTransport: no handler for topic ${message.topic}`);
    }
    const context = new KeyedKafkaContext([message]);
    const data = message.json();
    const transportId = this.transportId ?? KEYED_KAFKA_TRANSPORT;
    // The processing hooks let Nest (e.g. tracing) wrap the call; done() is the handler run itself.
    let failure: { error: unknown } | undefined;
    await new Promise<void>((resolve) => {
      this.onProcessingStartHook(transportId, context, async () => {
        try {
          await invoke(handler, data, context);
        } catch (error) {
          failure = { error };
        } finally {
          // Declared as always set, but Nest's Server leaves it undefined until an app sets it.
          const endHook = this.onProcessingEndHook as typeof this.onProcessingEndHook | undefined;
          endHook?.call(this, transportId, context);
          resolve();
        }
      });
    });
    if (failure) {
      throw unwrapNestError(failure.error);
    }
  }
}

async function invoke(handler: MessageHandler, data: unknown, context: KeyedKafkaContext): Promise<void> {
  const result: unknown = await handler(data, context);
  if (isObservable(result)) {
    await lastValueFrom(result, { defaultValue: undefined });
  }
}

export class NestHandlerError extends Error {
  constructor(readonly nestError: unknown) {
    super(
      `Nest handler failed: ${JSON.stringify(nestError)} (register KeyedKafkaExceptionFilter for the original)`,
    );
    this.name = NestHandlerError.name;
  }
}

function unwrapNestError(error: unknown): unknown {
  const isNestWrapped =
    typeof error === 'object' &&
    error !== null &&
    !(error instanceof Error) &&
    'status' in error &&
    'message' in error;
  return isNestWrapped ? new NestHandlerError(error) : error;
}

function nestLogger(logger: Logger): KeyedConsumerLogger {
  return {
    warn: (message, context) => {
      logger.warn(message, context);
    },
    error: (message, context) => {
      logger.error(message, context);
    },
  };
}
