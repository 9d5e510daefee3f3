import {
  committedOffsets,
  keyedRecords,
  seededTopic,
  sleep,
  startKeyedConsumer,
  waitFor,
} from '../../test/keyed-consumer-harness';
import { testKafka } from '../testing';
import { KeyedConsumer } from './keyed-consumer';
import { type KeyedConsumerEvent } from './keyed-consumer.options';
import { NOT_BEFORE_HEADER } from './keyed-message';

describe(KeyedConsumer.name, () => {
  const kafka = testKafka();

  it('never holds more than its buffer bound, pausing the partition while fetched messages wait', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'flow', 1, keyedRecords(300, 50));
    const events: KeyedConsumerEvent[] = [];
    let handled = 0;
    let maxInFlight = 0;
    let maxBuffered = 0;
    const consumer: KeyedConsumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      maxInFlight: 4,
      maxBuffered: 16,
      handler: async () => {
        const { inFlight, buffered } = consumer.metrics();
        maxInFlight = Math.max(maxInFlight, inFlight);
        maxBuffered = Math.max(maxBuffered, buffered);
        await sleep(1 + Math.random() * 2);
        handled++;
      },
    });
    consumer.on((event) => events.push(event));
    try {
      await waitFor(() => handled === 300, 'every message handled');
    } finally {
      await consumer.stop({ deadlineMs: 5_000 });
    }
    const metrics = consumer.metrics();
    expect(Math.max(maxInFlight, metrics.maxObservedInFlight)).toBeLessThanOrEqual(4);
    expect(Math.max(maxBuffered, metrics.maxObservedBuffered)).toBeLessThanOrEqual(16);
    // The bound was reached and released, not merely never approached.
    expect(metrics.maxObservedBuffered).toBe(16);
    expect(events.some((e) => e.type === 'paused')).toBe(true);
    expect(events.some((e) => e.type === 'resumed')).toBe(true);
  });

  it('stops fetching a partition whose uncommitted offsets pile up behind a slow head', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'flow', 1, [
      { key: 'head', value: {} },
      ...keyedRecords(100, 10),
    ]);
    let releaseHead = (): void => undefined;
    const headDone = new Promise<void>((resolve) => (releaseHead = resolve));
    let handled = 0;
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      maxUncommittedPerPartition: 20,
      handler: async (message) => {
        if (message.key === 'head') {
          await headDone;
        }
        handled++;
      },
    });
    try {
      await waitFor(
        () => consumer.metrics().pausedPartitions === 1 && handled === 19,
        'the partition to block',
      );
      expect(consumer.metrics().partitions[0]?.pending).toBe(20);
      releaseHead();
      await waitFor(() => handled === 101, 'every message handled');
      await consumer.commit();
    } finally {
      releaseHead();
      await consumer.stop({ deadlineMs: 5_000 });
    }
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(new Map([[0, '101']]));
  });

  it('delays a notBefore message and its key without blocking other keys', async () => {
    const notBefore = Date.now() + 2_000;
    const { topic, groupId } = await seededTopic(kafka, 'flow', 1, [
      { key: 'late', value: { n: 'late-1' }, headers: { [NOT_BEFORE_HEADER]: String(notBefore) } },
      { key: 'late', value: { n: 'late-2' } },
      ...Array.from({ length: 5 }, (_, i) => ({ key: `now-${i}`, value: { n: `now-${i}` } })),
    ]);
    const order: string[] = [];
    let lateStartedAt = 0;
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      handler: (message) => {
        const { n } = message.json() as { n: string };
        if (n === 'late-1') {
          lateStartedAt = Date.now();
        }
        order.push(n);
        return Promise.resolve();
      },
    });
    try {
      await waitFor(() => order.length === 7, 'every message handled');
    } finally {
      await consumer.stop({ deadlineMs: 5_000 });
    }
    expect(order.slice(0, 5).sort()).toEqual(['now-0', 'now-1', 'now-2', 'now-3', 'now-4']);
    expect(order.slice(5)).toEqual(['late-1', 'late-2']);
    expect(lateStartedAt).toBeGreaterThanOrEqual(notBefore);
  });

  it('stops within its deadline, aborting unfinished handlers and committing only the finished prefix', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'flow', 1, [
      { key: 'a', value: { n: 'fast-0' } },
      { key: 'b', value: { n: 'hang' } },
      { key: 'c', value: { n: 'fast-2' } },
    ]);
    const handled: string[] = [];
    let hangSignal: AbortSignal | undefined;
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      handler: async (message) => {
        const { n } = message.json() as { n: string };
        if (n === 'hang') {
          hangSignal = message.signal;
          await new Promise((resolve) => {
            message.signal.addEventListener('abort', resolve);
          });
        }
        handled.push(n);
      },
    });
    await waitFor(() => handled.length === 2 && hangSignal !== undefined, 'the fast messages and the hang');
    const result = await consumer.stop({ deadlineMs: 300 });

    expect(result).toEqual({ drained: false, abandoned: 1 });
    expect(hangSignal?.aborted).toBe(true);
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(new Map([[0, '1']]));
  });
});
