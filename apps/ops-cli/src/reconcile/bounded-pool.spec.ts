import { forEachBounded } from './bounded-pool';

async function* numbers(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    await Promise.resolve();
    yield i;
  }
}

describe(forEachBounded.name, () => {
  it('handles every item once, never more than the limit at a time', async () => {
    const done: number[] = [];
    let running = 0;
    let peak = 0;
    await forEachBounded(numbers(25), 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
      running--;
    });
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(peak).toBe(4);
  });

  it('propagates a failure of the work', async () => {
    await expect(
      forEachBounded(numbers(3), 2, (n) => (n === 1 ? Promise.reject(new Error('boom')) : Promise.resolve())),
    ).rejects.toThrow('boom');
  });
});
