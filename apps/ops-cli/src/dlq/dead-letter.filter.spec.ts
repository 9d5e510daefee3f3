import { deadLetterFor } from '@tiersync/tier-events/testing';
import { isSelective, matchesFilter } from './dead-letter.filter';

const letter = deadLetterFor({ groupId: 7, failedAt: 1_000 });

describe(matchesFilter.name, () => {
  it('matches everything with an empty filter', () => {
    expect(matchesFilter(letter, {})).toBe(true);
    expect(isSelective({ ids: [], groupIds: [], codes: [] })).toBe(false);
  });

  it.each([
    [{ ids: [letter.deadLetterId] }, true],
    [{ ids: ['other'] }, false],
    [{ groupIds: [6, 7] }, true],
    [{ groupIds: [6] }, false],
    [{ codes: ['8015'] }, true],
    [{ codes: ['3045', 'ECONNRESET'] }, false],
    [{ since: 1_000 }, true],
    [{ since: 1_001 }, false],
    [{ until: 1_001 }, true],
    [{ until: 1_000 }, false],
    [{ groupIds: [7], codes: ['8015'], since: 0, until: 2_000 }, true],
    [{ groupIds: [7], codes: ['521'] }, false],
  ])('%j -> %s', (filter, expected) => {
    expect(matchesFilter(letter, filter)).toBe(expected);
    expect(isSelective(filter)).toBe(true);
  });

  it('matches string codes such as network errors, and never a letter without a code', () => {
    const network = deadLetterFor({
      groupId: 1,
      reason: { message: 'reset', code: 'ECONNRESET', retryable: true },
    });
    const bare = deadLetterFor({ groupId: 1, reason: { message: 'x', retryable: true } });
    expect(matchesFilter(network, { codes: ['ECONNRESET'] })).toBe(true);
    expect(matchesFilter(bare, { codes: ['ECONNRESET'] })).toBe(false);
  });
});
