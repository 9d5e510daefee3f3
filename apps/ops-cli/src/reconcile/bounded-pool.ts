/** Async generators queue concurrent next() calls, so workers sharing one lose no item. */
export async function forEachBounded<T>(
  source: AsyncGenerator<T>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const worker = async (): Promise<void> => {
    for (let item = await source.next(); item.done !== true; item = await source.next()) {
      await work(item.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
