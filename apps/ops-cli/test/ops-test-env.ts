import { readTopicToEnd, type Kafka } from '@tiersync/kafka';
import { parseGroupSyncCommand, type GroupSyncCommand } from '@tiersync/tier-events';
import { runCli } from '../src/cli/cli';

export interface OpsRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runOps(args: string[], env: Record<string, string>): Promise<OpsRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export function jsonOf(run: OpsRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}): ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

export async function readCommands(kafka: Kafka, topic: string): Promise<GroupSyncCommand[]> {
  const found: GroupSyncCommand[] = [];
  await readTopicToEnd(kafka, topic, { groupPrefix: 'ops-cli-test' }, (record) => {
    found.push(parseGroupSyncCommand(JSON.parse(record.value?.toString() ?? 'null')));
  });
  return found;
}
