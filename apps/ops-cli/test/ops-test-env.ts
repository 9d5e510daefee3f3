import { createKafka, parseBrokers } from '@tiersync/kafka';
import { parseGroupSyncCommand, type GroupSyncCommand } from '@tiersync/tier-events';
import { type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { runCli } from '../src/cli/cli';
import { readTopicSnapshot } from '../src/kafka/topic-snapshot.reader';

/** The broker the integration global setup started (or KAFKA_BROKERS). */
export function integrationBrokers(): string {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: run integration tests through jest.integration.config.js');
  }
  return brokers;
}

export function integrationKafka(): Kafka {
  return createKafka({ brokers: parseBrokers(integrationBrokers()), clientId: 'ops-cli-test' });
}

/** Unique names so parallel test files never share a topic, prefix or consumer group. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

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
  await readTopicSnapshot(kafka, topic, { groupPrefix: 'ops-cli-test' }, (record) => {
    found.push(parseGroupSyncCommand(JSON.parse(record.value?.toString() ?? 'null')));
  });
  return found;
}
