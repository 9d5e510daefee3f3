import { Command, CommanderError } from 'commander';
import { registerDlqCommand } from '../commands/dlq.command';
import { registerDoctorCommand } from '../commands/doctor.command';
import { registerReconcileCommand } from '../commands/reconcile.command';
import { registerRejectedCommand } from '../commands/rejected.command';
import { registerReplayCommand } from '../commands/replay.command';
import { type CliDeps } from './command-context';
import { ExitCode, exitCodeOf } from './exit-code';
import { ReportedFailureError } from './reported-failure.error';

export function buildProgram(deps: CliDeps): Command {
  const program = new Command('ops')
    .description(
      'tiersync operations: replay a topic, inspect and redrive dead letters and rejected webhooks, reconcile groups, check an org',
    )
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--quiet', 'no progress on stderr')
    .option('--brokers <list>', 'Kafka bootstrap servers, host:port,... (env KAFKA_BROKERS)')
    .option('--topic-prefix <prefix>', 'topic name prefix (env KAFKA_TOPIC_PREFIX, default "tiersync.")')
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => {
        deps.io.stdout(s);
      },
      writeErr: (s) => {
        deps.io.stderr(s);
      },
    })
    .exitOverride()
    .addHelpText('after', HELP);
  registerReplayCommand(program, deps);
  registerDlqCommand(program, deps);
  registerRejectedCommand(program, deps);
  registerReconcileCommand(program, deps);
  registerDoctorCommand(program, deps);
  return program;
}

/** Never calls process.exit, so tests can run it in process. */
export async function runCli(args: readonly string[], deps: CliDeps): Promise<ExitCode> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    // With --json, stdout always carries one document, also for errors (not when the report is out).
    const json = args.includes('--json') && !(error instanceof ReportedFailureError);
    if (error instanceof CommanderError) {
      // Commander already printed help, or the usage problem on stderr.
      if (error.exitCode !== 0 && json) {
        printError(deps, ExitCode.usage, error.message.replace(/^error: /, ''));
      }
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    deps.io.stderr(`${code === ExitCode.refused ? 'refused' : 'error'}: ${message}\n`);
    if (json) {
      printError(deps, code, message);
    }
    return code;
  }
}

function printError(deps: CliDeps, code: ExitCode, message: string): void {
  deps.io.stdout(`${JSON.stringify({ error: { exitCode: code, kind: kindOf(code), message } }, null, 2)}\n`);
}

function kindOf(code: ExitCode): string {
  switch (code) {
    case ExitCode.ok:
      return 'ok';
    case ExitCode.failure:
      return 'failure';
    case ExitCode.usage:
      return 'usage';
    case ExitCode.refused:
      return 'refused';
    case ExitCode.preflightFailed:
      return 'preflight-failed';
  }
}

const HELP = `
Exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 refused for safety, 4 doctor found a problem.
Configuration (flags win): KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_CONSUMER_GROUP, CAPILLARY_BASE_URL,
CAPILLARY_AUTH (basic: CAPILLARY_USERNAME/CAPILLARY_PASSWORD, oauth: CAPILLARY_OAUTH_KEY/CAPILLARY_OAUTH_SECRET),
CAPILLARY_SOURCE, CAPILLARY_RATE_LIMIT_PER_MINUTE, CAPILLARY_MAX_CONCURRENCY, CAPILLARY_TIMEOUT_MS,
SYNC_DOWNGRADE_POLICY. Credentials are read from the environment only, never from flags.
`;
