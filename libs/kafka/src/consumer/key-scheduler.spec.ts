import fc from 'fast-check';
import { KeyScheduler, type ScheduledWork } from './key-scheduler';

class FakeWork implements ScheduledWork {
  readyAt = 0;
  runs = 0;
  private pending: ((finished: boolean) => void)[] = [];

  constructor(
    readonly key: string,
    readonly name: string,
    private readonly log: string[],
    readonly group = 'p0',
  ) {}

  run(): Promise<boolean> {
    this.runs++;
    this.log.push(this.name);
    return new Promise((resolve) => this.pending.push(resolve));
  }

  /** Ends the current run; false asks for another run at readyAt. */
  end(finished = true): void {
    const resolve = this.pending.shift();
    if (!resolve) {
      throw new Error(`${this.name} is not running`);
    }
    resolve(finished);
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

async function ending(work: FakeWork, finished = true): Promise<void> {
  work.end(finished);
  await flush();
}

function enqueueAll(sut: KeyScheduler, works: FakeWork[]): void {
  works.forEach((work) => {
    sut.enqueue(work);
  });
}

describe(KeyScheduler.name, () => {
  let log: string[];
  beforeEach(() => {
    log = [];
  });

  it('runs one key strictly in order and different keys concurrently', async () => {
    const sut = new KeyScheduler(10);
    const [a1, a2, b1] = [
      new FakeWork('a', 'a1', log),
      new FakeWork('a', 'a2', log),
      new FakeWork('b', 'b1', log),
    ];
    enqueueAll(sut, [a1, a2, b1]);
    expect(log).toEqual(['a1', 'b1']);
    expect(sut.running).toBe(2);
    expect(sut.queued).toBe(1);
    await ending(a1);
    expect(log).toEqual(['a1', 'b1', 'a2']);
  });

  it('never runs more than maxInFlight at once', async () => {
    const sut = new KeyScheduler(3);
    const works = Array.from({ length: 8 }, (_, i) => new FakeWork(`k${i}`, `w${i}`, log));
    enqueueAll(sut, works);
    expect(sut.running).toBe(3);
    await ending(works[1]!);
    expect(sut.running).toBe(3);
    expect(log).toEqual(['w0', 'w1', 'w2', 'w3']);
  });

  it('drops a group’s queued work but lets its running work finish', async () => {
    const sut = new KeyScheduler(5);
    const running = new FakeWork('a', 'a1', log, 'p0');
    const queuedSameGroup = new FakeWork('a', 'a2', log, 'p0');
    const otherGroup = new FakeWork('a', 'a3', log, 'p1');
    enqueueAll(sut, [running, queuedSameGroup, otherGroup]);
    expect(sut.dropGroup('p0')).toBe(1);
    const idle = sut.idle();
    await ending(running);
    expect(log).toEqual(['a1', 'a3']);
    otherGroup.end();
    await idle;
    expect(sut.queued).toBe(0);
  });

  it('starts nothing while held', async () => {
    const sut = new KeyScheduler(5);
    sut.hold();
    sut.enqueue(new FakeWork('a', 'a1', log));
    await flush();
    expect(log).toEqual([]);
    sut.release();
    expect(log).toEqual(['a1']);
  });

  describe('with timers', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('lets a delayed head wait on its own without blocking other keys', async () => {
      const sut = new KeyScheduler(1);
      const delayed = new FakeWork('a', 'a1', log);
      delayed.readyAt = Date.now() + 1_000;
      const sameKey = new FakeWork('a', 'a2', log);
      const other = new FakeWork('b', 'b1', log);
      enqueueAll(sut, [delayed, sameKey, other]);
      expect(log).toEqual(['b1']);
      expect(sut.delayedKeys).toBe(1);
      await ending(other);
      expect(log).toEqual(['b1']);
      jest.advanceTimersByTime(1_000);
      expect(log).toEqual(['b1', 'a1']);
      await ending(delayed);
      expect(log).toEqual(['b1', 'a1', 'a2']);
    });

    it('runs work again at its new readyAt when it asks to, keeping its key blocked', async () => {
      const sut = new KeyScheduler(5);
      const first = new FakeWork('a', 'a1', log);
      const second = new FakeWork('a', 'a2', log);
      sut.enqueue(first);
      sut.enqueue(second);
      first.readyAt = Date.now() + 200;
      await ending(first, false);
      expect(sut.running).toBe(0);
      jest.advanceTimersByTime(200);
      expect(log).toEqual(['a1', 'a1']);
      await ending(first);
      expect(log).toEqual(['a1', 'a1', 'a2']);
    });

    it('runs work again later if run() rejects, rather than losing it', async () => {
      const sut = new KeyScheduler(1);
      let calls = 0;
      sut.enqueue({
        key: 'a',
        group: 'p0',
        readyAt: 0,
        run: () => (++calls === 1 ? Promise.reject(new Error('bug')) : Promise.resolve(true)),
      });
      await flush();
      expect(sut.queued).toBe(1);
      jest.advanceTimersByTime(1_000);
      await flush();
      expect(calls).toBe(2);
      expect(sut.queued).toBe(0);
    });
  });

  it('keeps per-key order and the concurrency bound for any mix of keys and completion order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.func(fc.nat()),
        async (keys, max, pick) => {
          const order: string[] = [];
          const finished = new Set<FakeWork>();
          const sut = new KeyScheduler(max);
          const works = keys.map((k, i) => new FakeWork(`k${k}`, `${k}:${i}`, order));
          enqueueAll(sut, works);
          let step = 0;
          while (works.some((w) => w.runs === 0) || sut.running > 0) {
            expect(sut.running).toBeLessThanOrEqual(max);
            const active = works.filter((w) => w.runs === 1 && order.includes(w.name) && !finished.has(w));
            const next = active[pick(step++) % active.length]!;
            finished.add(next);
            await ending(next);
          }
          for (let k = 0; k <= 6; k++) {
            const seen = order
              .filter((name) => name.startsWith(`${k}:`))
              .map((name) => Number(name.split(':')[1]));
            expect(seen).toEqual([...seen].sort((a, b) => a - b));
          }
          expect(order).toHaveLength(keys.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
