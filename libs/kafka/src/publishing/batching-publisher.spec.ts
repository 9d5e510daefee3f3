import {
  BatchingPublisher,
  type BatchingOptions,
  type BatchProducer,
  type BatchStats,
  type EncodedRecord,
} from './batching-publisher';
import { KafkaUnavailableError, RecordTooLargeError } from './publish.errors';
import { type OutgoingRecord } from './record-publisher';

/** A producer whose sends stay pending until the test acknowledges or fails them. */
class ManualSink implements BatchProducer {
  readonly sends: { topic: string; records: EncodedRecord[]; ack: () => void; fail: (e: Error) => void }[] =
    [];
  isConnected = true;
  disconnects = 0;

  connect(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnects++;
    return Promise.resolve();
  }

  publishBatch(topic: string, records: EncodedRecord[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.sends.push({
        topic,
        records,
        ack: () => {
          resolve(undefined);
        },
        fail: reject,
      });
    });
  }
}

const record = (key: string, value = 'v'): OutgoingRecord => ({ key, value, headers: { h: '1' } });
/** Records the test does not await: their late rejections must not leak into the next test. */
const background = (promise: Promise<void>) => {
  promise.catch(() => undefined);
};
const tick = () => new Promise((resolve) => setImmediate(resolve));
const settled = async (promise: Promise<void>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await tick();
  return state;
};

describe(BatchingPublisher.name, () => {
  let sink: ManualSink;
  let stats: BatchStats[];
  const make = (options: Partial<BatchingOptions> = {}) =>
    new BatchingPublisher(sink, {
      lingerMs: 0,
      maxBatchRecords: 100,
      maxBatchBytes: 10_000,
      maxQueuedBytes: 100_000,
      onBatch: (s) => stats.push(s),
      ...options,
    });

  beforeEach(() => {
    sink = new ManualSink();
    stats = [];
  });

  it('sends a null value as a tombstone and an object as JSON', async () => {
    const sut = make();
    const published = Promise.all([
      sut.publish('t', { key: 'gone', value: null }, 1000),
      sut.publish('t', { key: 'kept', value: { a: 1 } }, 1000),
    ]);
    await tick();
    sink.sends[0]?.ack();
    await tick();
    sink.sends[1]?.ack();
    await published;
    expect(sink.sends.flatMap((send) => send.records.map((r) => r.value))).toEqual([null, '{"a":1}']);
  });

  it('resolves a record only when its batch is acknowledged', async () => {
    const sut = make();
    const published = sut.publish('t', record('a'), 1000);
    await tick();
    expect(sink.sends).toHaveLength(1);
    expect(await settled(published)).toBe('pending');
    sink.sends[0]!.ack();
    await expect(published).resolves.toBeUndefined();
    expect(stats).toEqual([expect.objectContaining({ topic: 't', records: 1, failed: false })]);
  });

  it('keeps one send in flight and batches what arrives meanwhile, in arrival order', async () => {
    const sut = make();
    const first = sut.publish('t', record('a'), 1000);
    await tick();
    const rest = ['b', 'c', 'd'].map((key) => sut.publish('t', record(key), 1000));
    await tick();
    expect(sink.sends).toHaveLength(1);
    sink.sends[0]!.ack();
    await first;
    await tick();
    expect(sink.sends).toHaveLength(2);
    expect(sink.sends[1]!.records.map((r) => r.key)).toEqual(['b', 'c', 'd']);
    sink.sends[1]!.ack();
    await Promise.all(rest);
  });

  it('waits lingerMs for company when idle', () => {
    jest.useFakeTimers();
    try {
      const sut = make({ lingerMs: 5 });
      background(sut.publish('t', record('a'), 1000));
      background(sut.publish('t', record('b'), 1000));
      jest.advanceTimersByTime(4);
      expect(sink.sends).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(sink.sends).toHaveLength(1);
      expect(sink.sends[0]!.records).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('splits by record count and by bytes, sending a record bigger than a batch alone', async () => {
    const sut = make({ maxBatchRecords: 2, maxBatchBytes: 30 });
    background(sut.publish('t', record('x'), 1000)); // goes out alone at once
    await tick();
    const big = 'B'.repeat(50);
    background(sut.publish('t', record('a'), 1000));
    background(sut.publish('t', record('b'), 1000));
    background(sut.publish('t', record('c'), 1000));
    background(sut.publish('t', record('d', big), 1000));
    background(sut.publish('t', record('e'), 1000));
    const keysOfNextSend = async () => {
      sink.sends.at(-1)!.ack();
      await tick();
      await tick();
      return sink.sends.at(-1)!.records.map((r) => r.key);
    };
    expect(await keysOfNextSend()).toEqual(['a', 'b']);
    expect(await keysOfNextSend()).toEqual(['c']);
    expect(await keysOfNextSend()).toEqual(['d']);
    expect(await keysOfNextSend()).toEqual(['e']);
  });

  it('sends different topics in separate requests of the same round', async () => {
    const sut = make({ lingerMs: 1, topicsInParallel: true });
    background(sut.publish('events', record('a'), 1000));
    background(sut.publish('rejected', record('b'), 1000));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sink.sends.map((s) => s.topic).sort()).toEqual(['events', 'rejected']);
  });

  it('rejects every record of a failed batch as unavailable', async () => {
    const sut = make();
    const first = sut.publish('t', record('a'), 1000);
    await tick();
    const second = sut.publish('t', record('b'), 1000);
    const third = sut.publish('t', record('c'), 1000);
    sink.sends[0]!.fail(new Error('broker gone'));
    await expect(first).rejects.toBeInstanceOf(KafkaUnavailableError);
    await expect(first).rejects.toThrow('Kafka did not acknowledge the record (failed: Error: broker gone)');
    await tick();
    sink.sends[1]!.fail(Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE' }));
    // Two records in the failed batch: size cannot be blamed on either of them.
    await expect(second).rejects.toBeInstanceOf(KafkaUnavailableError);
    await expect(third).rejects.toBeInstanceOf(KafkaUnavailableError);
    expect(stats.map((s) => s.failed)).toEqual([true, true]);
  });

  it('reports a lone record the broker finds too large, looking through kafkajs wrappers', async () => {
    const sut = make();
    const published = sut.publish('t', record('a'), 1000);
    await tick();
    const protocol = Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE' });
    sink.sends[0]!.fail(Object.assign(new Error('non retriable'), { cause: protocol }));
    await expect(published).rejects.toBeInstanceOf(RecordTooLargeError);
  });

  it('withdraws a record still queued at its deadline, so it is never sent', async () => {
    const sut = make();
    const inFlight = sut.publish('t', record('a'), 20);
    await tick();
    const queued = sut.publish('t', record('b'), 20);
    await expect(queued).rejects.toEqual(new KafkaUnavailableError('deadline'));
    await expect(inFlight).rejects.toEqual(new KafkaUnavailableError('deadline'));
    sink.sends[0]!.ack(); // the in-flight one may still land; nothing else goes out
    await tick();
    expect(sink.sends).toHaveLength(1);
  });

  it('refuses records beyond the queued-bytes bound', async () => {
    const sut = make({ maxQueuedBytes: 5 });
    background(sut.publish('t', record('a'), 1000));
    await tick();
    background(sut.publish('t', record('b'), 1000));
    await expect(sut.publish('t', record('c'), 1000)).rejects.toEqual(
      new KafkaUnavailableError('queue-full'),
    );
  });

  it('close() waits for in-flight sends, then refuses new records', async () => {
    const sut = make();
    const published = sut.publish('t', record('a'), 1000);
    await tick();
    const closing = sut.close(1000);
    expect(await settled(closing.then(() => undefined))).toBe('pending');
    sink.sends[0]!.ack();
    await published;
    await expect(closing).resolves.toBe(true);
    expect(sink.disconnects).toBe(1);
    await expect(sut.publish('t', record('b'), 1000)).rejects.toEqual(new KafkaUnavailableError('closed'));
  });

  it('close() gives up after its timeout when Kafka does not answer', async () => {
    const sut = make();
    background(sut.publish('t', record('a'), 1000));
    await tick();
    await expect(sut.close(10)).resolves.toBe(false);
  });
});

describe(`${BatchingPublisher.name} without linger or deadline`, () => {
  function setup(fail = false) {
    const sends: { topic: string; keys: string[] }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const producer: BatchProducer = {
      isConnected: true,
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
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
    };
    const coalescing = new BatchingPublisher(producer, { maxBatchRecords: 500 });
    return { coalescing, sends, maxInFlight: () => maxInFlight };
  }

  it('sends one request at a time and gathers what arrives meanwhile, per topic, in order', async () => {
    const { coalescing, sends, maxInFlight } = setup();
    await Promise.all([
      coalescing.publish('a', { key: '1', value: {} }),
      coalescing.publish('a', { key: '2', value: {} }),
      coalescing.publish('b', { key: '3', value: {} }),
      coalescing.publish('a', { key: '4', value: {} }),
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
      coalescing.publish('a', { key: '1', value: {} }),
      coalescing.publish('a', { key: '2', value: {} }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
