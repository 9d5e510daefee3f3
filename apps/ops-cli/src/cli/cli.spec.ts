import { runCli } from './cli';
import { ExitCode } from './exit-code';

async function run(args: string[], env: Record<string, string> = { KAFKA_BROKERS: '127.0.0.1:1' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe(runCli.name, () => {
  it.each([
    [['--help']],
    [['replay', '--help']],
    [['dlq', 'list', '--help']],
    [['dlq', 'show', '--help']],
    [['dlq', 'redrive', '--help']],
    [['rejected', 'list', '--help']],
    [['rejected', 'show', '--help']],
    [['rejected', 'redrive', '--help']],
    [['reconcile', '--help']],
    [['doctor', '--help']],
  ])('%j prints help on stdout and exits 0', async (args) => {
    const result = await run(args);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('Usage: ops');
    expect(result.stdout).toContain('--json');
  });

  it.each([
    [[], 'Usage: ops'],
    [['rewind'], "unknown command 'rewind'"],
    [['replay', '--topic', 'dlq', '--bogus'], "unknown option '--bogus'"],
    [['replay'], "required option '--topic <role|name>' not specified"],
    [['replay', '--topic', 'dlq'], 'exactly one of --to-time or --offsets'],
    [['replay', '--topic', 'dlq', '--to-time', '1700000000'], 'looks like epoch seconds'],
    [['dlq', 'redrive'], 'name the dead letters to redrive'],
    [['rejected', 'redrive'], 'name the webhooks to redrive'],
    [['dlq', 'list', '--limit', '-3'], '--limit -3'],
    [['reconcile', '--group', '1'], 'set CAPILLARY_BASE_URL'],
    [
      ['reconcile', '--group', '1', '--capillary-url', 'http://x:1', '--dry-run', '--skip-check'],
      'use one of them',
    ],
    [['doctor'], "required option '--customer <id>' not specified"],
    [['doctor', '--customer', '1'], 'set CAPILLARY_BASE_URL'],
    [['doctor', '--customer', '1,2', '--capillary-url', 'http://x:1'], '--customer takes one id'],
  ])('%j is a usage error (exit 2): %s', async (args, message) => {
    const result = await run(args, {
      KAFKA_BROKERS: '127.0.0.1:1',
      CAPILLARY_USERNAME: 'u',
      CAPILLARY_PASSWORD: 'p',
    });
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain(message);
  });

  it('reports invalid configuration as a usage error, as JSON on stdout with --json', async () => {
    const result = await run(['--json', 'dlq', 'list'], {});
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain('KAFKA_BROKERS');
    const document = JSON.parse(result.stdout) as {
      error: { exitCode: number; kind: string; message: string };
    };
    expect(document.error).toMatchObject({ exitCode: 2, kind: 'usage' });
    expect(document.error.message).toContain('KAFKA_BROKERS');
  });

  it('prints a usage error as JSON too with --json, so stdout is always one document', async () => {
    const result = await run(['--json', 'replay', '--topic', 'dlq', '--bogus']);
    expect(result.code).toBe(ExitCode.usage);
    const document = JSON.parse(result.stdout) as { error: { kind: string; message: string } };
    expect(document.error).toEqual({ exitCode: 2, kind: 'usage', message: "unknown option '--bogus'" });
  });

  it('lets a flag supply what the environment lacks', async () => {
    const result = await run(['--brokers', '127.0.0.1:1', 'replay', '--topic', 'dlq'], {});
    expect(result.stderr).toContain('exactly one of --to-time or --offsets');
  });
});
