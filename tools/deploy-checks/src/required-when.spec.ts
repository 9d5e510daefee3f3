import { isRequired } from './required-when';

describe(isRequired.name, () => {
  const env = (values: Record<string, string>) => (name: string) => values[name];

  it.each([
    ['always', {}, true],
    ['—', {}, false],
    ['for reconcile', {}, true],
    ['for reconcile and doctor', {}, true],
    ['CAPILLARY_AUTH=basic', { CAPILLARY_AUTH: 'basic' }, true],
    ['CAPILLARY_AUTH=basic', { CAPILLARY_AUTH: 'oauth' }, false],
    ['unless DEMO_MODE=true', { DEMO_MODE: 'true' }, false],
    ['unless DEMO_MODE=true', {}, true],
    ['SYNC_VALIDITY is FIXED_DURATION or SPECIFIC_DATE', { SYNC_VALIDITY: 'SPECIFIC_DATE' }, true],
    ['SYNC_VALIDITY is FIXED_DURATION or SPECIFIC_DATE', { SYNC_VALIDITY: 'AS_PER_TIER_STRATEGY' }, false],
    ['CAPILLARY_BASE_URL is set and CAPILLARY_AUTH=basic', { CAPILLARY_AUTH: 'basic' }, false],
    [
      'CAPILLARY_BASE_URL is set and CAPILLARY_AUTH=basic',
      { CAPILLARY_BASE_URL: 'x', CAPILLARY_AUTH: 'basic' },
      true,
    ],
  ])('%s with %j is %s', (cell, values, expected) => {
    expect(isRequired(cell, env(values))).toBe(expected);
  });

  it('refuses a condition it cannot read rather than guess', () => {
    expect(() => isRequired('when the moon is full', env({}))).toThrow('cannot read the condition');
  });
});
