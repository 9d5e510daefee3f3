import { parseInstant } from './time.parser';
import { UsageError } from './usage.error';

describe(parseInstant.name, () => {
  it.each([
    ['2025-06-01T12:00:00Z', Date.UTC(2025, 5, 1, 12)],
    ['2025-06-01T12:00:00.250Z', Date.UTC(2025, 5, 1, 12, 0, 0, 250)],
    ['2025-06-01T14:00:00+02:00', Date.UTC(2025, 5, 1, 12)],
    ['2025-06-01', Date.UTC(2025, 5, 1)],
    ['1748779200000', 1748779200000],
  ])('reads %s', (text, ms) => {
    expect(parseInstant(text, '--to-time')).toBe(ms);
  });

  it.each([
    ['1748779200', 'looks like epoch seconds'],
    ['2025-06-01T12:00:00', 'with a zone'],
    ['June 1 2025', 'with a zone'],
    ['2025-02-30T00:00:00Z', 'not a valid date'],
  ])('refuses %s naming the flag', (text, message) => {
    expect(() => parseInstant(text, '--since')).toThrow(UsageError);
    expect(() => parseInstant(text, '--since')).toThrow(new RegExp(`--since .*${message}`));
  });
});
