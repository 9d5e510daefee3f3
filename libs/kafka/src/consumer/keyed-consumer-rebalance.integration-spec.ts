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
import { type KeyedConsumerEvent } from './keyed-consumer.options';
import { type KeyedMessage } from './keyed-message';

interface Handled {
  id: string;
  key: string;
  seq: number;
}

/**
 * Records handled messages, per consumer and in one timeline for both; once `gate.after` were handled,
 * further ones wait for `gate.open`.
 */
function recorder(into: Handled[], timeline: Handled[], gate?: { after: number; open: Promise<void> }) {
  return async (message: KeyedMessage): Promise<void> => {
    if (gate && into.length >= gate.after) {
      await gate.open;
    }
    await sleep(1 + Math.random() * 9);
    const { seq } = message.json() as { seq: number };
    const handled = { id: `${message.partition}:${message.offset}`, key: message.key ?? '', seq };
    into.push(handled);
    timeline.push(handled);
  };
}

describe(KeyedConsumer.name, () => {
  const kafka = testKafka();

  it('hands partitions over to a second consumer without losing messages or breaking per-key order', async () => {
    const records = keyedRecords(2000, 100);
    const { topic, groupId } = await seededTopic(kafka, 'rebalance', 4, records);

    const [seenA, seenB, timeline] = [[] as Handled[], [] as Handled[], [] as Handled[]];
    const eventsA: KeyedConsumerEvent[] = [];
    // The first consumer holds its work after 300 messages until the second one has joined, so the
    // handover happens with most of the topic still to do.
    let openGate = (): void => undefined;
    const gate = { after: 300, open: new Promise<void>((resolve) => (openGate = resolve)) };
    const a = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      maxInFlight: 16,
      handler: recorder(seenA, timeline, gate),
    });
    a.on((event) => eventsA.push(event));
    await waitFor(() => seenA.length >= 300, 'the first consumer to make progress');
    const b = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      maxInFlight: 16,
      handler: recorder(seenB, timeline),
    });
    try {
      await waitFor(() => b.metrics().rebalances > 0, 'the second consumer to join');
      openGate();
      const ends = await endOffsets(kafka, topic);
      const handled = () => new Set([...seenA, ...seenB].map((h) => h.id)).size;
      await waitFor(() => handled() === records.length, 'every message handled');
      await Promise.all([a.commit(), b.commit()]);
      expect(await committedOffsets(kafka, groupId, topic)).toEqual(ends);
    } finally {
      openGate();
      await Promise.all([a.stop({ deadlineMs: 5_000 }), b.stop({ deadlineMs: 5_000 })]);
    }

    const revoked = eventsA.flatMap((e) => (e.type === 'assigned' ? e.revoked : []));
    expect(revoked.length).toBeGreaterThan(0);
    expect(seenB.length).toBeGreaterThan(0);
    // Per key, no message ran before every earlier one had run, in either consumer. A partition that is
    // revoked and assigned again restarts from its committed offset, so a message may run twice (at least
    // once), but never ahead of its predecessor.
    const highest = new Map<string, number>();
    for (const h of timeline) {
      const before = highest.get(h.key) ?? -1;
      expect({ key: h.key, seq: h.seq, ranAfter: before }).toEqual({
        key: h.key,
        seq: Math.min(h.seq, before + 1),
        ranAfter: before,
      });
      highest.set(h.key, Math.max(before, h.seq));
    }
  });

  it('keeps heartbeating while a handler runs longer than the session timeout', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'long-handler', 1, [
      { key: 'slow', value: { seq: 0 } },
      ...keyedRecords(50, 5, 'fast'),
    ]);
    const events: KeyedConsumerEvent[] = [];
    const handled: string[] = [];
    let slowRuns = 0;
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      // The broker evicts a member that is silent for 6 s; the slow handler takes 8 s.
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      handler: async (message) => {
        if (message.key === 'slow') {
          slowRuns++;
          await sleep(8_000);
        }
        handled.push(message.offset);
      },
    });
    consumer.on((event) => events.push(event));
    try {
      await waitFor(() => handled.length === 51, 'every message handled', 20_000);
      await consumer.commit();
    } finally {
      await consumer.stop({ deadlineMs: 5_000 });
    }
    expect(slowRuns).toBe(1);
    // Other keys were not held up by the slow one.
    expect(handled.at(-1)).toBe('0');
    // No second group join: the member was never evicted.
    expect(consumer.metrics().rebalances).toBe(1);
    expect(events.filter((e) => e.type === 'crashed')).toEqual([]);
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(new Map([[0, '51']]));
  });
});
