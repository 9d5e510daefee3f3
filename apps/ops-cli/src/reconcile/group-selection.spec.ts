import { UsageError } from '../cli/usage.error';
import { groupSelectionOf } from './group-selection';

const files: Record<string, string> = {
  'ids.txt': '# drifted after the outage\n101\n102, 103\n\n101 # again\n',
  'empty.txt': '# nothing\n',
};
const readFile = (path: string): string => {
  const text = files[path];
  if (text === undefined) {
    throw new Error('ENOENT: no such file');
  }
  return text;
};

describe(groupSelectionOf.name, () => {
  it('adds up --group, --groups and --groups-file without duplicates', () => {
    expect(groupSelectionOf({ group: '7', groups: '8,101', groupsFile: 'ids.txt' }, readFile)).toEqual({
      kind: 'ids',
      ids: [7, 8, 101, 102, 103],
    });
  });

  it('selects every group through search with --all', () => {
    expect(groupSelectionOf({ all: true }, readFile)).toEqual({ kind: 'search', query: '' });
    expect(groupSelectionOf({ all: true, search: 'family' }, readFile)).toEqual({
      kind: 'search',
      query: 'family',
    });
  });

  it.each([
    [{}, 'select groups'],
    [{ all: true, group: '1' }, 'do not combine'],
    [{ search: 'x', group: '1' }, '--search only applies with --all'],
    [{ groups: '1,x' }, '"x" is not a positive integer id'],
    [{ group: '0' }, 'not a positive integer id'],
    [{ groupsFile: 'missing.txt' }, 'ENOENT'],
    [{ groupsFile: 'empty.txt' }, 'no group ids'],
  ])('rejects %j', (flags, message) => {
    expect(() => groupSelectionOf(flags, readFile)).toThrow(UsageError);
    expect(() => groupSelectionOf(flags, readFile)).toThrow(message);
  });
});
