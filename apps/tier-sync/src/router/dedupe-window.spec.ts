import { DedupeWindow, originalPosition } from './dedupe-window';

describe(DedupeWindow.name, () => {
  let now = 1_000_000;
  const clock = () => now;

  it('tells a duplicate from a redelivery of the original', () => {
    const window = new DedupeWindow({ router: { dedupeWindowMs: 60_000, dedupeMaxEntries: 100 } }, clock);
    expect(window.check('e1', '0:10', now)).toBe('new');
    expect(window.check('e1', '0:10', now)).toBe('redelivery');
    expect(window.check('e1', '0:11', now)).toBe('duplicate');
    expect(window.check('e2', '0:12', now)).toBe('new');
  });

  it('forgets events older than the window', () => {
    const window = new DedupeWindow({ router: { dedupeWindowMs: 60_000, dedupeMaxEntries: 100 } }, clock);
    window.check('old', '0:1', now);
    now += 60_001;
    expect(window.check('old', '0:2', now)).toBe('new');
    expect(window.size).toBe(1);
  });

  it('stays within its bound, dropping the oldest first', () => {
    const window = new DedupeWindow({ router: { dedupeWindowMs: 60_000, dedupeMaxEntries: 3 } }, clock);
    ['a', 'b', 'c', 'd', 'e'].forEach((id, i) => window.check(id, `0:${i}`, now));
    expect(window.size).toBeLessThanOrEqual(4);
    expect(window.check('e', '0:99', now)).toBe('duplicate');
    expect(window.check('a', '0:98', now)).toBe('new');
  });

  it('keeps the earlier of two sightings read back from different partitions', () => {
    const window = new DedupeWindow({ router: { dedupeWindowMs: 60_000, dedupeMaxEntries: 100 } }, clock);
    window.seed('e1', '1:4', now - 10);
    window.seed('e1', '0:9', now - 20);
    window.seed('e1', '2:1', now - 5);
    expect(window.check('e1', '0:9', now)).toBe('redelivery');
    expect(window.check('e1', '1:4', now)).toBe('duplicate');
  });

  it('is off with a zero window', () => {
    const window = new DedupeWindow({ router: { dedupeWindowMs: 0, dedupeMaxEntries: 100 } }, clock);
    window.check('e1', '0:1', now);
    expect(window.check('e1', '0:2', now)).toBe('new');
  });
});

describe(originalPosition.name, () => {
  it('takes the position a requeued event names, else the record own one', () => {
    expect(originalPosition(2, '99', '0:10')).toBe('0:10');
    expect(originalPosition(2, '99', undefined)).toBe('2:99');
    expect(originalPosition(2, '99', 'garbage')).toBe('2:99');
  });
});
