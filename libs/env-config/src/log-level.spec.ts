import { LogLevelVar, nestLogLevels, type LogLevelName } from './log-level';
import { validateEnvironment } from './validate-environment';

class LoggingEnvironment {
  @LogLevelVar() LOG_LEVEL: LogLevelName = 'info';
}

describe(nestLogLevels.name, () => {
  it('logs the level and every more severe one', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('verbose')).toHaveLength(6);
  });

  it("takes `info` as Nest's `log`, so one LOG_LEVEL fits every app", () => {
    expect(nestLogLevels('info')).toEqual(nestLogLevels('log'));
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
  });

  it('accepts every level name and refuses others, naming LOG_LEVEL', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'log', 'debug', 'verbose']) {
      expect(validateEnvironment(LoggingEnvironment, { LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    }
    expect(() => validateEnvironment(LoggingEnvironment, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
