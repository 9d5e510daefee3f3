import { UsageError } from './usage.error';

export function parseIdList(value: string, flag: string): number[] {
  return splitList(value).map((item) => {
    const id = Number(item);
    if (!/^\d+$/.test(item) || !Number.isSafeInteger(id) || id <= 0) {
      throw new UsageError(`${flag}: "${item}" is not a positive integer id`);
    }
    return id;
  });
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
