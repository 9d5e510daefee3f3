/**
 * Runs `work` for every item of an async generator with at most `limit` at once, pulling items only as
 * workers free up, so a paged source (group search) is read no faster than it is worked through.
 * Workers share the generator: async generators queue concurrent next() calls, so none is lost.
 */
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
