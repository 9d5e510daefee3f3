import { PartitionState } from './partition-state';

describe(PartitionState.name, () => {
  it('reports pending offsets, committed offset and lag', () => {
    const sut = new PartitionState('t', 2, 1);
    sut.tracker.accept(10n);
    sut.tracker.accept(11n);
    sut.tracker.complete(10n);
    sut.tracker.markCommitted(11n);
    sut.highWatermark = '15';
    expect(sut.metrics()).toEqual({
      topic: 't',
      partition: 2,
      pending: 1,
      readAhead: 0,
      committedOffset: '11',
      highWatermark: '15',
      lag: 4,
    });
  });

  it('aborts the signal every message of it carries when abandoned', () => {
    const sut = new PartitionState('t', 0, 1);
    let aborted = 0;
    for (let i = 0; i < 50; i++) {
      sut.controller.signal.addEventListener('abort', () => aborted++);
    }
    sut.abandon('revoked');
    expect([sut.abandoned, aborted]).toEqual([true, 50]);
  });
});
