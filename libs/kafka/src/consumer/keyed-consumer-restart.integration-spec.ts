import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  committedOffsets,
  endOffsets,
  keyedRecords,
  seededTopic,
  startKeyedConsumer,
  waitFor,
} from '../../test/keyed-consumer-harness';
import { testBrokers, testKafka } from '../testing';
import { KeyedConsumer } from './keyed-consumer';

const ROOT = path.resolve(__dirname, '../../../..');

/** Runs the child consumer until it handled `killAfter` messages, then SIGKILLs it. */
async function runAndKill(topic: string, groupId: string, killAfter: number): Promise<Set<string>> {
  const child = spawn(
    process.execPath,
    ['-r', './tools/runtime/register.js', 'libs/kafka/test/keyed-consumer-child.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        KAFKA_BROKERS: testBrokers().join(','),
        CHILD_TOPIC: topic,
        CHILD_GROUP: groupId,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const handled = new Set<string>();
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [word, partition, offset] = line.split(' ');
      if (word === 'handled') {
        handled.add(`${partition}:${offset}`);
      }
    }
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  try {
    await waitFor(() => handled.size >= killAfter || child.exitCode !== null, 'the child to make progress');
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  return handled;
}

describe(KeyedConsumer.name, () => {
  const kafka = testKafka();

  it('after a kill and restart, handles every message at least once and nothing committed again', async () => {
    const { topic, groupId } = await seededTopic(kafka, 'restart', 3, keyedRecords(2000, 100));

    const first = await runAndKill(topic, groupId, 600);
    const committed = await committedOffsets(kafka, groupId, topic);
    const ends = await endOffsets(kafka, topic);

    const second = new Set<string>();
    const remaining = [...ends].reduce(
      (sum, [p, end]) => sum + Number(end) - Math.max(0, Number(committed.get(p))),
      0,
    );
    const consumer = await startKeyedConsumer(kafka, {
      groupId,
      topics: [topic],
      handler: (message) => {
        second.add(`${message.partition}:${message.offset}`);
        return Promise.resolve();
      },
    });
    try {
      await waitFor(() => second.size >= remaining, 'the restarted consumer to catch up');
    } finally {
      await consumer.stop({ deadlineMs: 5_000 });
    }

    let committedTotal = 0;
    for (const [partition, end] of ends) {
      const commit = Math.max(0, Number(committed.get(partition)));
      committedTotal += commit;
      for (let offset = 0; offset < Number(end); offset++) {
        const id = `${partition}:${offset}`;
        if (offset < commit) {
          // Committed means handled by the first consumer, and never handled again.
          expect(first.has(id)).toBe(true);
          expect(second.has(id)).toBe(false);
        } else {
          expect(second.has(id)).toBe(true);
        }
      }
    }
    expect(second.size).toBe(remaining);
    // The kill really happened mid-run: progress was committed, and work was left.
    expect(committedTotal).toBeGreaterThan(0);
    expect(remaining).toBeGreaterThan(0);
  });
});
