import { FifoQueue } from './fifo-queue';

describe(FifoQueue.name, () => {
  it('returns items first in, first out', () => {
    const sut = new FifoQueue<number>();
    [1, 2, 3].forEach((n) => {
      sut.push(n);
    });
    expect([sut.shift(), sut.peek(), sut.size]).toEqual([1, 2, 2]);
    expect(sut.drain()).toEqual([2, 3]);
    expect([sut.shift(), sut.size]).toEqual([undefined, 0]);
  });

  it('keeps order across compactions of a long-lived queue', () => {
    const sut = new FifoQueue<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      sut.push(i);
      if (i % 3 !== 0) {
        out.push(sut.shift() ?? -1);
      }
    }
    out.push(...sut.drain());
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
