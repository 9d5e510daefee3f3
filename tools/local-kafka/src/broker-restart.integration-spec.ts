import { Kafka, logLevel } from 'kafkajs';
import { startLocalKafka, type LocalKafka } from './local-kafka';

const TOPIC = 'restart-probe';

/** `retries: 0` for the send that must fail while the broker is down; the rest rides out broker start-up. */
function client(brokers: string[], retries = 5): Kafka {
  return new Kafka({ brokers, clientId: 'restart-test', logLevel: logLevel.NOTHING, retry: { retries } });
}

async function readAll(brokers: string[]): Promise<string[]> {
  const admin = client(brokers).admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  await admin.disconnect();
  const end = Number(offsets[0]?.high ?? 0);
  const consumer = client(brokers).consumer({ groupId: `restart-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  const values: string[] = [];
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: ({ message }) => {
          values.push(message.value?.toString() ?? '');
          if (Number(message.offset) + 1 >= end) {
            resolve();
          }
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return values;
}

async function send(brokers: string[], value: string, retries?: number): Promise<void> {
  const producer = client(brokers, retries).producer();
  await producer.connect();
  try {
    await producer.send({ topic: TOPIC, messages: [{ value }], acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

describe('local-kafka stopBroker/startBroker', () => {
  let kafka: LocalKafka;

  beforeAll(async () => {
    kafka = await startLocalKafka();
    const admin = client(kafka.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
  });

  afterAll(() => kafka.stop());

  it.each([
    ['a clean stop', false],
    ['a SIGKILL', true],
  ])('brings the broker back at the same address with its records after %s', async (_how, kill) => {
    const before = `before ${String(kill)}`;
    await send(kafka.brokers, before);

    await kafka.stopBroker({ kill });
    await expect(send(kafka.brokers, 'during the outage', 0)).rejects.toThrow();

    await kafka.startBroker();
    await send(kafka.brokers, `after ${String(kill)}`);
    expect(await readAll(kafka.brokers)).toEqual(expect.arrayContaining([before, `after ${String(kill)}`]));
    expect(await readAll(kafka.brokers)).not.toContain('during the outage');
  });
});
