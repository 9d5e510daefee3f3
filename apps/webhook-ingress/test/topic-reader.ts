import { createKafka } from '@tiersync/kafka';
import { randomUUID } from 'node:crypto';

export interface ConsumedRecord {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export async function readTopic(
  brokers: string[],
  topic: string,
  done: (records: readonly ConsumedRecord[]) => boolean,
  timeoutMs = 20_000,
): Promise<ConsumedRecord[]> {
  const consumer = createKafka({ brokers, clientId: 'ingress-test-reader' }).consumer({
    groupId: `ingress-test-${randomUUID()}`,
  });
  const records: ConsumedRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${topic}: condition not met after ${timeoutMs} ms with ${records.length} records`));
      }, timeoutMs);
      consumer
        .run({
          eachMessage: ({ message }) => {
            const headers = Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
            );
            records.push({ key: String(message.key), value: message.value ?? Buffer.alloc(0), headers });
            if (done(records)) {
              resolve();
            }
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
    return records;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
