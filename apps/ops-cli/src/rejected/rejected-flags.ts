import { type Command } from 'commander';
import { splitList } from '../cli/id-list.parser';
import { timeRangeOf } from '../cli/time.parser';
import { type RejectedFilter } from './rejected.filter';

export interface RejectedFilterFlags {
  eventName?: string;
  reason?: string;
  since?: string;
  until?: string;
}

export function addRejectedFilterOptions(command: Command): Command {
  return command
    .option('--event-name <names>', 'only these eventNames, e.g. tierUpgraded (comma-separated)')
    .option('--reason <text>', 'only reasons containing this text (case-insensitive)')
    .option('--since <when>', 'received at or after: ISO 8601 with zone, or epoch ms')
    .option('--until <when>', 'received before: ISO 8601 with zone, or epoch ms');
}

export function rejectedFilterOf(flags: RejectedFilterFlags, ids: readonly string[] = []): RejectedFilter {
  return {
    ids,
    eventNames: flags.eventName === undefined ? [] : splitList(flags.eventName),
    ...(flags.reason === undefined ? {} : { reason: flags.reason }),
    ...timeRangeOf(flags),
  };
}
