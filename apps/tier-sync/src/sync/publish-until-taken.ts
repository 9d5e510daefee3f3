import { RecordTooLargeError } from '@tiersync/kafka';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '../capillary/backoff';
import { type Random } from '../clock';

export interface UntilTakenOptions {
  baseMs: number;
  maxMs: number;
  signal: AbortSignal;
  onRetry: (failures: number, error: unknown) => void;
  random?: Random;
}

/**
 * Once Capillary was written to, re-running the command to retry a publish would find every member in step
 * and lose the record of what was done: the publish is retried here, the key held, until Kafka takes it.
 * Only the consumer (stop deadline, revoke) ends the wait; a record Kafka can never take fails at once.
 */
export async function publishUntilTaken(
  publish: () => Promise<void>,
  { baseMs, maxMs, signal, onRetry, random }: UntilTakenOptions,
): Promise<void> {
  for (let failures = 1; ; failures++) {
    signal.throwIfAborted();
    try {
      await publish();
      return;
    } catch (error) {
      if (signal.aborted || error instanceof RecordTooLargeError) {
        throw error;
      }
      onRetry(failures, error);
      await sleep(backoffDelay(failures, { baseMs, maxMs }, random), undefined, { signal, ref: false });
    }
  }
}
