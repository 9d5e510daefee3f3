import { type LogLevel } from '@nestjs/common';
import { type LOG_LEVELS } from './environment.variables';

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The Nest levels logged for LOG_LEVEL: that level and every more severe one (`info` is Nest's `log`). */
export function nestLogLevels(level: (typeof LOG_LEVELS)[number]): LogLevel[] {
  const lowest = level === 'info' ? 'log' : level;
  return NEST_LEVELS.slice(0, NEST_LEVELS.indexOf(lowest) + 1);
}
