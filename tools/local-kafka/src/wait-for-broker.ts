import { Kafka, logLevel } from 'kafkajs';
import { type ChildProcess } from 'node:child_process';

export async function waitForBroker(
  brokers: string[],
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Kafka broker exited early (code ${child.exitCode ?? child.signalCode})`);
      }
      try {
        await admin.connect();
        await admin.describeCluster();
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new Error(`Kafka broker at ${brokers.join(',')} did not answer within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
