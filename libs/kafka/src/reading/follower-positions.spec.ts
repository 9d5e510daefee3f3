import { FollowerPositions } from './follower-positions';

describe(FollowerPositions.name, () => {
  let sut: FollowerPositions;

  beforeEach(() => {
    jest.useFakeTimers();
    sut = new FollowerPositions();
    sut.begin('t', new Map([[0, 5]]));
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts each offset once, at or after the position', () => {
    expect(sut.accept('t', 0, '4')).toBe(false);
    expect(sut.accept('t', 0, '6')).toBe(true);
    expect(sut.accept('t', 0, '6')).toBe(false);
    expect(sut.all()).toEqual([{ topic: 't', partition: 0, offset: 7 }]);
  });

  it('moves past a batch of control records, and not for a batch that says nothing', () => {
    sut.batchEnded('t', 0, undefined);
    expect(sut.all()[0]?.offset).toBe(5);
    sut.batchEnded('t', 0, '9');
    expect(sut.all()[0]?.offset).toBe(10);
    sut.batchEnded('t', 0, '3');
    expect(sut.all()[0]?.offset).toBe(10);
  });

  it('answers true when reached, false after the timeout', async () => {
    await expect(sut.waitFor([{ topic: 't', partition: 0, offset: 5 }], 10)).resolves.toBe(true);

    const reached = sut.waitFor([{ topic: 't', partition: 0, offset: 7 }], 1_000);
    sut.accept('t', 0, '6');
    sut.batchEnded('t', 0, '6');
    await expect(reached).resolves.toBe(true);

    const late = sut.waitFor([{ topic: 't', partition: 1, offset: 1 }], 1_000);
    jest.advanceTimersByTime(1_000);
    await expect(late).resolves.toBe(false);
  });

  it('rejects a wait with no batch for the idle time, naming the partitions behind', async () => {
    let failure: unknown;
    const stalled = sut
      .waitFor([{ topic: 't', partition: 0, offset: 9 }], undefined, 500)
      .catch((error: unknown) => {
        failure = error;
      });
    jest.advanceTimersByTime(400);
    sut.batchEnded('t', 0, '5');
    jest.advanceTimersByTime(400);
    await Promise.resolve();
    expect(failure).toBeUndefined();
    jest.advanceTimersByTime(100);
    await stalled;
    expect(String(failure)).toContain('not read to the end: t[0]');
  });

  it('rejects waits in flight and later ones once failed', async () => {
    const waiting = sut.waitFor([{ topic: 't', partition: 0, offset: 9 }], undefined);
    sut.fail(new Error('crashed'));
    await expect(waiting).rejects.toThrow('crashed');
    await expect(sut.waitFor([], undefined)).rejects.toThrow('crashed');
  });
});
