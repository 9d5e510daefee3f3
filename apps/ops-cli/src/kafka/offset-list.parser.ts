import { UsageError } from '../cli/usage.error';

export function parseOffsetList(value: string): Map<number, number> {
  const offsets = new Map<number, number>();
  for (const item of value.split(',').map((s) => s.trim())) {
    const match = /^(\d+):(\d+)$/.exec(item);
    if (!match?.[1] || !match[2]) {
      throw new UsageError(`--offsets: "${item}" is not partition:offset (e.g. 0:120,1:98)`);
    }
    const partition = Number(match[1]);
    if (offsets.has(partition)) {
      throw new UsageError(`--offsets: partition ${partition} is given twice`);
    }
    const offset = Number(match[2]);
    if (!Number.isSafeInteger(offset)) {
      throw new UsageError(`--offsets: offset ${match[2]} is too large`);
    }
    offsets.set(partition, offset);
  }
  return offsets;
}
