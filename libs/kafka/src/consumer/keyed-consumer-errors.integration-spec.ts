import {
  committedOffsets,
  seededTopic,
  startKeyedConsumer,
  waitFor,
} from '../../test/keyed-consumer-harness';
import { testKafka } from '../testing';
import { KeyedConsumer } from './keyed-consumer';
import { type ErrorDecision } from './keyed-consumer.options';

class TransientError extends Error {}
class PermanentError extends Error {}

describe(KeyedConsumer.name, () => {
  const kafka = testKafka();

  it('sends handler errors to the policy: retries, then dead-letters, skips, and commits past them', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'errors', 1, [
      { key: 'down', value: { n: 'down-1' } },
      { key: 'down', value: { n: 'down-2' } },
      { key: 'flaky', value: { n: 'flaky-1' } },
      { key: 'invalid', value: { n: 'invalid-1' } },
      { key: 'noise', value: { n: 'noise-1' } },
      ...Array.from({ length: 10 }, (_, i) => ({ key: `ok-${i}`, value: { n: `ok-${i}` } })),
    ]);

    const attempts = new Map<string, number>();
    const policy: { n: string; attempt: number; error: string }[] = [];
    const deadLetters: { n: string; reason: string }[] = [];
    const order: string[] = [];
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      retry: { maxAttempts: 3, initialBackoffMs: 20 },
      handler: (message) => {
        const { n } = message.json() as { n: string };
        const attempt = (attempts.get(n) ?? 0) + 1;
        attempts.set(n, attempt);
        if (n === 'down-1') {
          return Promise.reject(new TransientError('capillary 503'));
        }
        if (n === 'flaky-1' && attempt < 3) {
          return Promise.reject(new TransientError('timeout'));
        }
        if (n === 'invalid-1') {
          return Promise.reject(new PermanentError('8925 tier unchanged'));
        }
        if (n === 'noise-1') {
          return Promise.reject(new PermanentError('irrelevant event'));
        }
        order.push(n);
        return Promise.resolve();
      },
      onError: (error, message, attempt): ErrorDecision => {
        const { n } = message.json() as { n: string };
        policy.push({ n, attempt, error: (error as Error).constructor.name });
        if (n === 'noise-1') {
          return 'skip';
        }
        return error instanceof PermanentError ? { deadLetter: `permanent: ${error.message}` } : 'retry';
      },
      onDeadLetter: (message, reason) => {
        deadLetters.push({ n: (message.json() as { n: string }).n, reason });
        order.push(`dead ${(message.json() as { n: string }).n}`);
        return Promise.resolve();
      },
    });
    try {
      await waitFor(() => order.length === 14, 'every message to end');
      await consumer.commit();
    } finally {
      await consumer.stop({ deadlineMs: 5_000 });
    }

    expect(policy.filter((p) => p.n === 'down-1').map((p) => p.attempt)).toEqual([1, 2, 3]);
    expect(policy.filter((p) => p.n === 'flaky-1').map((p) => p.attempt)).toEqual([1, 2]);
    expect(policy.filter((p) => p.n === 'invalid-1')).toEqual([
      { n: 'invalid-1', attempt: 1, error: 'PermanentError' },
    ]);
    expect(deadLetters).toEqual(
      expect.arrayContaining([
        { n: 'down-1', reason: 'failed 3 attempts: Error: capillary 503' },
        { n: 'invalid-1', reason: 'permanent: 8925 tier unchanged' },
      ]),
    );
    expect(deadLetters).toHaveLength(2);
    expect(order).toContain('flaky-1');
    expect(order).not.toContain('noise-1');
    // The key behind a failing message waited for it; other keys did not.
    expect(order.indexOf('down-2')).toBeGreaterThan(order.indexOf('dead down-1'));
    expect(order.indexOf('ok-9')).toBeLessThan(order.indexOf('dead down-1'));
    expect(consumer.metrics()).toMatchObject({ deadLettered: 2, skipped: 1, handled: 12 });
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(new Map([[0, '15']]));
  });
});
