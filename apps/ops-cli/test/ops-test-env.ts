import { readTopicToEnd, type Kafka } from '@tiersync/kafka';
import { parseGroupSyncCommand, type GroupSyncCommand } from '@tiersync/tier-events';
import { runCli } from '../src/cli/cli';

export interface OpsRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process exactly as main.ts does, with its own environment. */
export async function runOps(args: string[], env: Record<string, string>): Promise<OpsRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The JSON document a `--json` run printed (callers state what they expect with `as`). */
export function jsonOf(run: OpsRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** Every command on a command topic, parsed as tier-sync would. */
export async function readCommands(kafka: Kafka, topic: string): Promise<GroupSyncCommand[]> {
  const found: GroupSyncCommand[] = [];
  await readTopicToEnd(kafka, topic, { groupPrefix: 'ops-cli-test' }, (record) => {
    found.push(parseGroupSyncCommand(JSON.parse(record.value?.toString() ?? 'null')));
  });
  return found;
}
