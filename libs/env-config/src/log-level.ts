import { IsIn } from 'class-validator';

/** `info` and `log` (Nest's name for it) mean the same, so one LOG_LEVEL fits every process. */
export const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

export type NestLogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

const NEST_LEVELS: readonly NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function LogLevelVar(): PropertyDecorator {
  return IsIn(LOG_LEVEL_NAMES);
}

export function nestLogLevels(level: LogLevelName): NestLogLevel[] {
  const lowest = level === 'info' ? 'log' : level;
  return NEST_LEVELS.slice(0, NEST_LEVELS.indexOf(lowest) + 1);
}
