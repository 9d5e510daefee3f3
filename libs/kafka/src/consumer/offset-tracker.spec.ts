import fc from 'fast-check';
import { OffsetTracker } from './offset-tracker';

describe(OffsetTracker.name, () => {
  function trackerWith(offsets: number[]): OffsetTracker {
    const sut = new OffsetTracker();
    offsets.forEach((o) => {
      sut.accept(BigInt(o));
    });
    return sut;
  }

  it('commits nothing while the first offset is unfinished', () => {
    const sut = trackerWith([10, 11, 12]);
    sut.complete(11n);
    sut.complete(12n);
    expect(sut.committable()).toBe(10n);
  });

  it('commits the offset after the contiguous finished prefix', () => {
    const sut = trackerWith([10, 11, 12, 13]);
    sut.complete(10n);
    sut.complete(11n);
    sut.complete(13n);
    expect(sut.committable()).toBe(12n);
    expect(sut.pendingCount).toBe(2);
  });

  it('skips offset gaps (compaction, transaction markers) and a trailing control record', () => {
    const sut = trackerWith([3, 7, 8]);
    [3n, 7n, 8n].forEach((o) => {
      sut.complete(o);
    });
    expect(sut.committable()).toBe(9n);
    sut.fetchedThrough(9n);
    expect(sut.committable()).toBe(10n);
  });

  it('does not offer an offset twice once committed', () => {
    const sut = trackerWith([0, 1]);
    sut.complete(0n);
    sut.markCommitted(1n);
    expect(sut.committable()).toBeUndefined();
    sut.complete(1n);
    expect(sut.committable()).toBe(2n);
  });

  it('refuses offsets that do not grow', () => {
    const sut = trackerWith([5]);
    expect(() => {
      sut.accept(5n);
    }).toThrow(/must grow/);
  });

  it.each([
    ['an empty tracker accepts anything', [], 42, false, 'accept'],
    ['a refetch inside the held range is a duplicate', [10, 11, 12], 11, true, 'duplicate'],
    ['an offset before the held range is a rewind', [10, 11], 9, false, 'reset'],
    ['after a rejoin, a jump past the held range means others moved on', [10, 11], 20, true, 'reset'],
    ['without a rejoin, a jump is just a gap', [10, 11], 20, false, 'accept'],
  ] as const)('%s', (_name, held, offset, afterRejoin, verdict) => {
    expect(trackerWith([...held]).classify(BigInt(offset), afterRejoin)).toBe(verdict);
  });

  it('after a rejoin, a fetch below our own commit is an operator rewind, not a duplicate', () => {
    const sut = trackerWith([10, 11, 12, 13]);
    [10n, 11n, 12n].forEach((o) => {
      sut.complete(o);
    });
    sut.markCommitted(13n);
    expect(sut.classify(10n, true)).toBe('reset');
    // Our own refetch starts at the commit: what is held from there on is a duplicate.
    expect(sut.classify(13n, true)).toBe('duplicate');
    // Without a rejoin the same offset is an in-fetch repeat, so it stays a duplicate.
    expect(sut.classify(11n, false)).toBe('duplicate');
  });

  it('after a rejoin with nothing pending, a jump is accepted', () => {
    const sut = trackerWith([1]);
    sut.complete(1n);
    expect(sut.classify(5n, true)).toBe('accept');
  });

  it('never commits past an unfinished offset, whatever the completion order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }),
        fc.func(fc.integer()),
        (raw, order) => {
          const offsets = [...raw].sort((a, b) => a - b);
          const sut = trackerWith(offsets);
          const finished = new Set<number>();
          const shuffled = [...offsets].sort((a, b) => order(a) - order(b) || a - b);
          for (const offset of shuffled) {
            sut.complete(BigInt(offset));
            finished.add(offset);
            const commit = sut.committable();
            const firstUnfinished = offsets.find((o) => !finished.has(o));
            // undefined means "unchanged since the last commit".
            expect(commit ?? sut.lastCommitted).toBe(
              firstUnfinished === undefined ? BigInt(offsets.at(-1)! + 1) : BigInt(firstUnfinished),
            );
            if (commit !== undefined) {
              sut.markCommitted(commit);
            }
          }
          expect(sut.pendingCount).toBe(0);
        },
      ),
    );
  });
});
