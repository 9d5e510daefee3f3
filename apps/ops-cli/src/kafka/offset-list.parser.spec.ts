import { UsageError } from '../cli/usage.error';
import { parseOffsetList } from './offset-list.parser';

describe(parseOffsetList.name, () => {
  it('reads partition:offset pairs', () => {
    expect([...parseOffsetList('0:120, 1:98')]).toEqual([
      [0, 120],
      [1, 98],
    ]);
  });

  it.each([
    ['0=120', 'not partition:offset'],
    ['0:-1', 'not partition:offset'],
    ['a:1', 'not partition:offset'],
    ['0:1,0:2', 'partition 0 is given twice'],
    ['0:99999999999999999999', 'too large'],
  ])('rejects %s', (value, message) => {
    expect(() => parseOffsetList(value)).toThrow(UsageError);
    expect(() => parseOffsetList(value)).toThrow(message);
  });
});
