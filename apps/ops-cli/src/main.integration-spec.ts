import { startCapillarySim } from '@tiersync/capillary-sim';
import { ensureTopics, EventPublisher } from '@tiersync/kafka';
import { testBrokers, testKafka, uniqueName } from '@tiersync/kafka/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { inStepSeed } from '../test/reconcile-seed';
import { ExitCode } from './cli/exit-code';

const root = join(__dirname, '..', '..', '..');

/** Runs main.ts as operators do: a separate node process, exit code and streams as they come. */
function spawnOps(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['-r', './tools/runtime/register.js', 'apps/ops-cli/src/main.ts', ...args],
      { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('main.ts as a process', () => {
  const kafka = testKafka('ops-cli-test');
  const env = { KAFKA_BROKERS: testBrokers().join(',') };

  it('prints help for the program and every command, exit 0', async () => {
    const help = await spawnOps(['--help'], {});
    expect(help.code).toBe(ExitCode.ok);
    for (const command of ['replay', 'dlq', 'reconcile']) {
      expect(help.stdout).toContain(command);
    }
    const dlqHelp = await spawnOps(['dlq', 'redrive', '--help'], {});
    expect(dlqHelp.code).toBe(ExitCode.ok);
    expect(dlqHelp.stdout).toContain('dlq-redrives.v1');
  });

  it('reconciles as a process: the JSON report on stdout, progress on stderr, exit 0', async () => {
    const sim = await startCapillarySim({ seed: inStepSeed(2) });
    try {
      const run = await spawnOps(['--json', 'reconcile', '--groups', '1,2', '--dry-run'], {
        ...env,
        CAPILLARY_BASE_URL: sim.url,
        CAPILLARY_USERNAME: 'till',
        CAPILLARY_PASSWORD: 'secret',
        // The simulator keeps no quota.
        CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
      });
      expect(run.code).toBe(ExitCode.ok);
      expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, totals: { groups: 2, inStep: 2 } });
      expect(run.stderr).toContain('reconciling groups: 2/2');
    } finally {
      await sim.stop();
    }
  });

  it('exits 2 on a usage error, 1 on a failure, 3 when refused; --json keeps stdout one JSON document', async () => {
    const usage = await spawnOps(['reconcile', '--dry-run'], env);
    expect(usage.code).toBe(ExitCode.usage);
    expect(usage.stderr).toContain('select groups');

    const prefix = `${uniqueName('main')}.`;
    const topic = `${prefix}dlq.v1`;
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const missing = await spawnOps(['--json', 'dlq', 'show', '00000000-0000-4000-8000-000000000000'], {
      ...env,
      KAFKA_TOPIC_PREFIX: prefix,
    });
    expect(missing.code).toBe(ExitCode.failure);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { exitCode: 1, kind: 'failure' } });

    const groupId = uniqueName('main-group');
    const publisher = new EventPublisher(kafka);
    await publisher.connect();
    await publisher.publish(topic, 'k', { n: 1 });
    await publisher.disconnect();
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let handled = 0;
    await consumer.run({
      eachMessage: () => {
        handled++;
        return Promise.resolve();
      },
    });
    try {
      const admin = kafka.admin();
      await admin.connect();
      const committed = async () =>
        (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions[0]?.offset;
      for (let i = 0; i < 100 && (handled === 0 || (await committed()) !== '1'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.disconnect();
      const args = ['--json', 'replay', '--topic', topic, '--consumer-group', groupId, '--offsets', '0:0'];
      const refused = await spawnOps(args, env);
      expect(refused.code).toBe(ExitCode.refused);
      expect(JSON.parse(refused.stdout)).toMatchObject({ error: { exitCode: 3, kind: 'refused' } });
      const dryRun = await spawnOps([...args, '--dry-run'], env);
      expect(dryRun.code).toBe(ExitCode.ok);
      expect(JSON.parse(dryRun.stdout)).toMatchObject({ dryRun: true, totals: { again: 1 } });
    } finally {
      await consumer.disconnect();
    }
  });
});
