import { IsString, MinLength } from 'class-validator';
import { ConfigValidationError } from './config-validation.error';
import { BoolVar, IntVar, ListVar } from './env-var.decorators';
import { environmentValidator, validateEnvironment } from './validate-environment';

class SampleEnvironment {
  @ListVar('HOSTS must list host:port pairs') HOSTS!: string[];
  @IntVar(1, 10) COUNT = 3;
  @BoolVar() LOOSE = false;
  @BoolVar({ strict: true }) STRICT = false;
  @IsString() @MinLength(16) TOKEN = 'sixteen-chars-at-least';
}

function problemsOf(raw: Record<string, string | undefined>): readonly string[] {
  try {
    validateEnvironment(SampleEnvironment, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected the environment to be refused');
}

describe(validateEnvironment.name, () => {
  it('converts lists, integers and booleans and keeps the defaults of unset or empty variables', () => {
    const env = validateEnvironment(SampleEnvironment, { HOSTS: ' a:1 , b:2', COUNT: '', LOOSE: '1' });
    expect(env).toMatchObject({ HOSTS: ['a:1', 'b:2'], COUNT: 3, LOOSE: true, STRICT: false });
    expect(environmentValidator(SampleEnvironment)({ HOSTS: 'a:1', STRICT: 'true' }).STRICT).toBe(true);
  });

  it.each([
    [{ HOSTS: ' , ' }, 'HOSTS must list host:port pairs'],
    [{ HOSTS: 'a:1,,b:2' }, 'HOSTS must list host:port pairs'],
    [{ COUNT: '1.5' }, 'COUNT must be an integer number'],
    [{ COUNT: '11' }, 'COUNT must not be greater than 10'],
    [{ LOOSE: 'yes' }, 'LOOSE must be true, false, 1 or 0'],
    [{ STRICT: '1' }, 'STRICT must be true or false'],
  ])('refuses %j with "%s"', (override, problem) => {
    expect(problemsOf({ HOSTS: 'a:1', ...override })).toEqual([problem]);
  });

  it('names every bad variable at once, one problem each, and never echoes a value', () => {
    const problems = problemsOf({ COUNT: 'many', TOKEN: 'hunter2' });
    expect(problems).toHaveLength(3);
    for (const name of ['HOSTS', 'COUNT', 'TOKEN']) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
    expect(problems.join(' ')).not.toMatch(/hunter2|many/);
    expect(new ConfigValidationError(problems).message).toBe(`invalid configuration: ${problems.join('; ')}`);
  });
});
