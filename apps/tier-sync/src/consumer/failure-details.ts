import { type KeyedMessage } from '@tiersync/kafka';
import { InvalidEventError, type Violation } from '@tiersync/tier-events';

export type Where = Pick<KeyedMessage, 'topic' | 'partition' | 'offset'>;

export function violationsOf(error: unknown): readonly Violation[] | undefined {
  if (error instanceof InvalidEventError) {
    return error.violations;
  }
  return error instanceof SyntaxError ? [{ path: '(root)', message: error.message }] : undefined;
}

export function whereOf(message: Where): Where {
  return { topic: message.topic, partition: message.partition, offset: message.offset };
}

export function sourceOf(message: Where): string {
  return `${message.topic}:${message.partition}:${message.offset}`;
}

export function describe(error: unknown, named = true): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  return named ? `${error.name}: ${error.message}` : error.message;
}
