import { readFileSync } from 'node:fs';
import { parseIdList } from '../cli/id-list.parser';
import { UsageError } from '../cli/usage.error';

export interface SelectionFlags {
  group?: string;
  groups?: string;
  groupsFile?: string;
  all?: boolean;
  search?: string;
}

export type GroupSelection = { kind: 'ids'; ids: number[] } | { kind: 'search'; query: string };

export function groupSelectionOf(
  flags: SelectionFlags,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): GroupSelection {
  const explicit = flags.group !== undefined || flags.groups !== undefined || flags.groupsFile !== undefined;
  if (flags.all === true) {
    if (explicit) {
      throw new UsageError(
        '--all selects every group: do not combine it with --group/--groups/--groups-file',
      );
    }
    return { kind: 'search', query: flags.search ?? '' };
  }
  if (flags.search !== undefined) {
    throw new UsageError('--search only applies with --all');
  }
  if (!explicit) {
    throw new UsageError('select groups: --group <id>, --groups <ids>, --groups-file <path> or --all');
  }
  const ids = [
    ...(flags.group === undefined ? [] : parseIdList(flags.group, '--group')),
    ...(flags.groups === undefined ? [] : parseIdList(flags.groups, '--groups')),
    ...(flags.groupsFile === undefined ? [] : idsFromFile(flags.groupsFile, readFile)),
  ];
  return { kind: 'ids', ids: [...new Set(ids)] };
}

/** One id per line or comma-separated; `#` starts a comment. */
function idsFromFile(path: string, readFile: (path: string) => string): number[] {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new UsageError(`--groups-file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = text
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(/[,\s]+/))
    .filter((item) => item.length > 0);
  if (items.length === 0) {
    throw new UsageError(`--groups-file ${path}: no group ids in the file`);
  }
  return parseIdList(items.join(','), `--groups-file ${path}`);
}
