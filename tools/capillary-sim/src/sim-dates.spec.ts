import { addDays, addMonths, endOfDayMs, humanDate, parseDay } from './sim-dates';

describe(humanDate.name, () => {
  it.each([
    ['2025-11-30', '30th Nov, 2025'],
    ['2025-08-01', '1st Aug, 2025'],
    ['2025-08-02', '2nd Aug, 2025'],
    ['2025-08-03', '3rd Aug, 2025'],
    ['2025-08-11', '11th Aug, 2025'],
    ['2025-08-12', '12th Aug, 2025'],
    ['2025-08-13', '13th Aug, 2025'],
    ['2025-08-21', '21st Aug, 2025'],
    ['2025-08-22', '22nd Aug, 2025'],
    ['2026-01-23', '23rd Jan, 2026'],
  ])('%s -> %s', (day, human) => {
    expect(humanDate(day)).toBe(human);
  });
});

describe(parseDay.name, () => {
  it.each([
    ['2025-04-20', '2025-04-20'],
    ['2025-04-20 23:59:59', '2025-04-20'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', undefined],
    ['20-04-2025', undefined],
    [20250420, undefined],
  ])('%p -> %p', (value, day) => {
    expect(parseDay(value)).toBe(day);
  });

  it('does date arithmetic in UTC across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addMonths('2025-11-30', 12)).toBe('2026-11-30');
    expect(endOfDayMs('2026-08-19')).toBe(Date.parse('2026-08-19T23:59:59Z'));
  });
});
