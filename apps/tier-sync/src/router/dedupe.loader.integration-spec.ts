import { createKafka, ensureTopics, parseBrokers } from '@tiersync/kafka';
import { randomUUID } from 'node:crypto';
import { DedupeWindow, positionOf } from './dedupe-window';
import { loadDedupeWindow } from './dedupe.loader';

const kafka = createKafka({
  brokers: parseBrokers(process.env['KAFKA_BROKERS'] ?? ''),
  clientId: 'dedupe-loader-test',
});
const hour = 3_600_000;

async function topicWith(
  records: {
    partition: number;
    eventId: string;
    ageMs: number;
    header: boolean;
    requeuedFrom?: string;
  }[],
): Promise<string> {
  const topic = `dedupe-loader-${randomUUID().slice(0, 8)}`;
  await ensureTopics(kafka, [{ topic, partitions: 2 }]);
  const producer = kafka.producer();
  await producer.connect();
  for (const r of records) {
    await producer.send({
      topic,
      messages: [
        {
          partition: r.partition,
          key: r.eventId,
          // Older records carry the id in the body only, as a fallback for records without the header.
          value: JSON.stringify({ eventId: r.eventId, eventName: 'tierUpgraded', data: {} }),
          headers: {
            ...(r.header ? { eventId: r.eventId } : {}),
            ...(r.requeuedFrom ? { requeuedFrom: r.requeuedFrom } : {}),
          },
          timestamp: String(Date.now() - r.ageMs),
        },
      ],
    });
  }
  await producer.disconnect();
  return topic;
}

describe(loadDedupeWindow.name, () => {
  it('rebuilds the window from the records of the last windowMs, and leaves no consumer group behind', async () => {
    const topic = await topicWith([
      { partition: 0, eventId: 'old', ageMs: 2 * hour, header: true },
      { partition: 0, eventId: 'a', ageMs: 1000, header: true },
      { partition: 1, eventId: 'b', ageMs: 500, header: false },
      { partition: 1, eventId: 'a', ageMs: 100, header: true },
    ]);
    const window = new DedupeWindow({ router: { dedupeWindowMs: hour, dedupeMaxEntries: 1000 } });
    const groupPrefix = `dedupe-test-${randomUUID().slice(0, 8)}`;
    expect(await loadDedupeWindow(kafka, window, { topic, windowMs: hour, groupPrefix })).toBe(3);

    // 'a' was first seen at partition 0 offset 1: that record again is a redelivery, the copy is a duplicate.
    expect(window.check('a', positionOf(0, '1'), Date.now())).toBe('redelivery');
    expect(window.check('a', positionOf(1, '1'), Date.now())).toBe('duplicate');
    expect(window.check('b', positionOf(1, '9'), Date.now())).toBe('duplicate');
    // Older than the window: not loaded, so a late copy is processed again.
    expect(window.check('old', positionOf(0, '7'), Date.now())).toBe('new');

    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((g) => g.groupId.startsWith(groupPrefix))).toEqual([]);
  });

  it('counts a requeued copy as the record it was first read from, after a restart too', async () => {
    // The original fell out of the window; the copy tier-sync requeued later names its position.
    const topic = await topicWith([
      { partition: 0, eventId: 'r', ageMs: 2 * hour, header: true },
      { partition: 0, eventId: 'r', ageMs: 100, header: true, requeuedFrom: '0:0' },
    ]);
    const window = new DedupeWindow({ router: { dedupeWindowMs: hour, dedupeMaxEntries: 1000 } });
    expect(await loadDedupeWindow(kafka, window, { topic, windowMs: hour, groupPrefix: 'requeue' })).toBe(1);
    // The requeued copy (offset 1) is routed again after the restart, not dropped as a duplicate.
    expect(window.check('r', '0:0', Date.now())).toBe('redelivery');
    expect(window.check('r', positionOf(0, '1'), Date.now())).toBe('duplicate');
  });

  it('reads nothing when the window holds no record', async () => {
    const topic = await topicWith([{ partition: 0, eventId: 'old', ageMs: 2 * hour, header: true }]);
    const window = new DedupeWindow({ router: { dedupeWindowMs: hour, dedupeMaxEntries: 1000 } });
    expect(await loadDedupeWindow(kafka, window, { topic, windowMs: hour, groupPrefix: 'unused' })).toBe(0);
    expect(window.size).toBe(0);
  });
});
