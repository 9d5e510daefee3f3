// A KeyedConsumer in its own process, so a test can SIGKILL it mid-run. It prints one line per handled
// message ("handled <partition> <offset>"); stdout is a pipe, which Node writes synchronously on Linux,
// so every printed line was really handled before the kill.
import { KeyedConsumer } from '../src/consumer/keyed-consumer';
import { createKafka, parseBrokers } from '../src/kafka-connection';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is required`);
  }
  return value;
}

const consumer = new KeyedConsumer(
  createKafka({ brokers: parseBrokers(required('KAFKA_BROKERS')), clientId: 'keyed-child' }),
  {
    groupId: required('CHILD_GROUP'),
    topics: [required('CHILD_TOPIC')],
    fromBeginning: true,
    maxInFlight: 16,
    commitIntervalMs: 100,
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 500,
    onDeadLetter: () => Promise.reject(new Error('no dead letters expected')),
    handler: async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 18));
      process.stdout.write(`handled ${message.partition} ${message.offset}\n`);
    },
  },
);
consumer.start().then(
  () => {
    process.stdout.write('started\n');
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
