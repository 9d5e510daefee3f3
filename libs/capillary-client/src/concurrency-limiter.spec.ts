import { flush } from '../test/fake-clock';
import { ConcurrencyLimiter } from './concurrency-limiter';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe(ConcurrencyLimiter.name, () => {
  it('runs at most max tasks at once and starts waiters in FIFO order', async () => {
    const sut = new ConcurrencyLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      sut.run(async () => {
        started.push(i);
        await gate.promise;
      }),
    );

    await flush();
    expect(started).toEqual([0, 1]);
    expect(sut.queued).toBe(2);
    gates[1]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect(sut.active).toBe(2);
    gates.forEach((g) => {
      g.resolve();
    });
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(sut.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const sut = new ConcurrencyLimiter(1);

    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(sut.active).toBe(0);
  });

  it('rejects a max below 1', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
  });
});
