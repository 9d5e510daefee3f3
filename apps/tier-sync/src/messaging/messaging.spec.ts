import { topicNames } from '@tiersync/tier-events';
import { testCommand } from '../../test/sync-fixtures';
import { CoalescingPublisher } from './coalescing.publisher';
import { SyncPublisher } from './sync.publisher';

const topics = topicNames('t.');

describe(SyncPublisher.name, () => {
  it('keys every record by group and sets the notBefore header of a retry', async () => {
    const sent: { topic: string; key: string; headers: Record<string, string> }[] = [];
    const publisher = new SyncPublisher(
      (topic, key, _value, headers) => {
        sent.push({ topic, key, headers });
        return Promise.resolve();
      },
      { kafka: { topics } },
    );
    const retry = testCommand({ attempt: 1, notBefore: 1_800_000_000_000 });
    await publisher.retry(retry, { traceId: 'tr' });
    expect(sent).toEqual([
      {
        topic: topics.groupCommandsRetry,
        key: String(retry.groupId),
        headers: { traceId: 'tr', commandId: retry.commandId, notBefore: '1800000000000' },
      },
    ]);
  });
});

describe(CoalescingPublisher.name, () => {
  function setup(fail = false) {
    const sends: { topic: string; keys: string[] }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const coalescing = new CoalescingPublisher({
      publishBatch: async (topic, records) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sends.push({ topic, keys: records.map((r) => r.key) });
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        if (fail) {
          throw new Error('broker down');
        }
        return [];
      },
    });
    return { coalescing, sends, maxInFlight: () => maxInFlight };
  }

  it('sends one request at a time and gathers what arrives meanwhile, per topic, in order', async () => {
    const { coalescing, sends, maxInFlight } = setup();
    await Promise.all([
      coalescing.publish('a', '1', {}),
      coalescing.publish('a', '2', {}),
      coalescing.publish('b', '3', {}),
      coalescing.publish('a', '4', {}),
    ]);
    expect(sends).toEqual([
      { topic: 'a', keys: ['1'] },
      { topic: 'a', keys: ['2', '4'] },
      { topic: 'b', keys: ['3'] },
    ]);
    expect(maxInFlight()).toBe(1);
  });

  it('rejects every record of a failed batch', async () => {
    const { coalescing } = setup(true);
    const results = await Promise.allSettled([
      coalescing.publish('a', '1', {}),
      coalescing.publish('a', '2', {}),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
