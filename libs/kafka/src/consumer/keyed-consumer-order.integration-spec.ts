import {
  committedOffsets,
  endOffsets,
  keyedRecords,
  seededTopic,
  sleep,
  startKeyedConsumer,
  waitFor,
} from '../../test/keyed-consumer-harness';
import { testKafka } from '../testing';
import { KeyedConsumer } from './keyed-consumer';

describe(KeyedConsumer.name, () => {
  const kafka = testKafka();

  it.each([1, 4])('keeps per-key order under random latency with %i partition(s)', async (partitions) => {
    const records = keyedRecords(3000, 300);
    const { topic, groupId } = await seededTopic(kafka, 'order', partitions, records);

    const seen = new Map<string, number[]>();
    const running = new Set<string>();
    const overlaps: string[] = [];
    let handled = 0;
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      maxInFlight: 32,
      handler: async (message) => {
        const key = message.key ?? '';
        if (running.has(key)) {
          overlaps.push(key);
        }
        running.add(key);
        await sleep(Math.random() * 4);
        const { seq } = message.json() as { seq: number };
        seen.set(key, [...(seen.get(key) ?? []), seq]);
        running.delete(key);
        handled++;
      },
    });
    await waitFor(() => handled >= records.length, 'all records handled');
    await consumer.commit();
    const metrics = consumer.metrics();
    await consumer.stop({ deadlineMs: 5_000 });

    expect(overlaps).toEqual([]);
    expect(seen.size).toBe(300);
    for (const seqs of seen.values()) {
      expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i));
    }
    // Keys really ran concurrently, within the bound.
    expect(metrics.maxObservedInFlight).toBeGreaterThan(1);
    expect(metrics.maxObservedInFlight).toBeLessThanOrEqual(32);
    expect(metrics.handled).toBe(records.length);
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(await endOffsets(kafka, topic));
  });
});
