import { idealMakespan } from './ideal-schedule';

describe(idealMakespan.name, () => {
  it('runs a single key sequentially whatever the slots', () => {
    expect(idealMakespan([[10, 20, 30]], 8)).toBe(60);
  });

  it('runs different keys in parallel up to the slots', () => {
    expect(idealMakespan([[10], [10], [10], [10]], 2)).toBe(20);
    expect(idealMakespan([[10], [10], [10], [10]], 4)).toBe(10);
  });

  it('serves ready keys first come first served', () => {
    // Slot 1: a(5) then c(5) = 10 while b(30) holds slot 2; then a's second (20) -> 30; b ends at 30.
    expect(idealMakespan([[5, 20], [30], [5]], 2)).toBe(30);
  });

  it('equals total work / slots when chains are short and work is even', () => {
    const chains = Array.from({ length: 100 }, () => [10]);
    expect(idealMakespan(chains, 10)).toBe(100);
  });
});
