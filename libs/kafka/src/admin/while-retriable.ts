import { setTimeout as sleep } from 'node:timers/promises';

const RETRY_WINDOW_MS = 30_000;
const PAUSE_MS = 100;

/** A broker moving or just electing a partition's leader answers such requests with an error kafkajs marks
 * retriable (NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE); admin calls are not retried by kafkajs itself. */
export async function whileRetriable<T>(work: () => Promise<T>, windowMs = RETRY_WINDOW_MS): Promise<T> {
  const deadline = Date.now() + windowMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || Date.now() > deadline) {
        throw error;
      }
    }
    await sleep(PAUSE_MS);
  }
}

function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}
