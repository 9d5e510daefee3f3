import { type Command } from 'commander';
import { parseIdList, splitList } from '../cli/id-list.parser';
import { timeRangeOf } from '../cli/time.parser';
import { type DeadLetterFilter } from './dead-letter.filter';

export interface DlqFilterFlags {
  group?: string;
  code?: string;
  since?: string;
  until?: string;
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--group <ids>', 'only these Capillary group ids (comma-separated)')
    .option('--code <codes>', 'only these error codes, e.g. 8015,3045,ECONNRESET (comma-separated)')
    .option('--since <when>', 'failed at or after: ISO 8601 with zone, or epoch ms')
    .option('--until <when>', 'failed before: ISO 8601 with zone, or epoch ms');
}

export function filterOf(flags: DlqFilterFlags, ids: readonly string[] = []): DeadLetterFilter {
  const { since, until } = timeRangeOf(flags);
  return {
    ids,
    groupIds: flags.group === undefined ? [] : parseIdList(flags.group, '--group'),
    codes: flags.code === undefined ? [] : splitList(flags.code),
    since,
    until,
  };
}
