import { validateEnvironment } from './env.validation';
import { nestLogLevels } from './log-levels';

describe(nestLogLevels.name, () => {
  it('logs the level and every more severe one', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('verbose')).toHaveLength(6);
  });

  it("takes the ingress's `info` as Nest's `log`, so one LOG_LEVEL fits both apps", () => {
    expect(nestLogLevels('info')).toEqual(nestLogLevels('log'));
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
  });

  it('accepts every level name the ingress accepts', () => {
    const base = { KAFKA_BROKERS: 'k:9092', CAPILLARY_BASE_URL: 'http://127.0.0.1:4010' };
    const auth = { CAPILLARY_USERNAME: 'till', CAPILLARY_PASSWORD: 'very-secret-password' };
    for (const level of ['fatal', 'error', 'warn', 'info', 'log', 'debug', 'verbose']) {
      expect(validateEnvironment({ ...base, ...auth, LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    }
    expect(() => validateEnvironment({ ...base, ...auth, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
