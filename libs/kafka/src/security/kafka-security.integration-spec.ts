import { type Kafka } from 'kafkajs';
import { keyedRecords, startKeyedConsumer, waitFor } from '../../test/keyed-consumer-harness';
import { startTokenEndpoint, type TokenEndpoint } from '../../test/oauth-token-endpoint';
import {
  CapturedLogs,
  mtlsSettings,
  oauthSettings,
  scramSettings,
  secureAccess,
  secureKafka,
} from '../../test/secure-kafka-env';
import { EventPublisher } from '../event-publisher';
import { uniqueName } from '../testing/kafka-test-env';
import { ensureTopics } from '../topic-admin';
import { connectExplained } from './connect-failure.explainer';
import { type KafkaSecuritySettings } from './kafka-security.settings';

/** Creates a topic (admin), publishes to it (idempotent producer) and reads it back (consumer group). */
async function roundTrip(kafka: Kafka, settings: KafkaSecuritySettings): Promise<void> {
  const topic = uniqueName('secure');
  const records = keyedRecords(30, 3);
  expect(await ensureTopics(kafka, [{ topic, partitions: 2 }])).toEqual([topic]);
  const publisher = new EventPublisher(kafka);
  await connectExplained(publisher, settings);
  try {
    await publisher.publishBatch(topic, records);
  } finally {
    await publisher.disconnect();
  }
  const seen: string[] = [];
  const consumer = await startKeyedConsumer(kafka, {
    groupId: uniqueName('secure-group'),
    topics: [topic],
    handler: (message) => {
      seen.push(`${message.key ?? ''}:${JSON.stringify(message.json())}`);
      return Promise.resolve();
    },
  });
  try {
    await waitFor(() => seen.length >= records.length, `${records.length} records`);
  } finally {
    await consumer.stop({ deadlineMs: 5_000 });
  }
  expect(seen.sort()).toEqual(records.map((r) => `${r.key}:${JSON.stringify(r.value)}`).sort());
}

async function describes(kafka: Kafka, settings: KafkaSecuritySettings): Promise<number> {
  const admin = kafka.admin();
  await connectExplained(admin, settings);
  try {
    return (await admin.describeCluster()).brokers.length;
  } finally {
    await admin.disconnect();
  }
}

describe('libs/kafka on a secured broker', () => {
  const access = secureAccess();
  const logs = new CapturedLogs();
  const client = { id: 'tiersync-test-client', secret: 'oauth-client-secret-value' };
  let tokens: TokenEndpoint;

  beforeAll(async () => {
    tokens = await startTokenEndpoint(client);
  });
  afterAll(() => tokens.close());

  it('produces, consumes and administers over SASL_SSL with SCRAM-SHA-512', async () => {
    const settings = scramSettings(access);
    await roundTrip(secureKafka(access.saslBrokers, settings, logs), settings);
  });

  it('produces, consumes and administers over mTLS', async () => {
    const settings = mtlsSettings(access);
    await roundTrip(secureKafka(access.mtlsBrokers, settings, logs), settings);
  });

  it('produces, consumes and administers over SASL_SSL with OAUTHBEARER from a client-credentials endpoint', async () => {
    const settings = oauthSettings(access, tokens.url, client);
    await roundTrip(secureKafka(access.saslBrokers, settings, logs), settings);
    // One token served every connection of the round trip: it is reused, not fetched per connection.
    expect(tokens.issued).toHaveLength(1);
  });

  it.each(['PLAIN', 'SCRAM-SHA-256'] as const)('connects over SASL_SSL with %s', async (mechanism) => {
    const settings = scramSettings(access, mechanism);
    expect(await describes(secureKafka(access.saslBrokers, settings, logs), settings)).toBe(1);
  });

  it('writes no secret to any kafkajs log line, at debug level', () => {
    expect(logs.lines.length).toBeGreaterThan(100);
    const secrets = {
      saslPassword: access.saslPassword,
      keyPassword: access.keyPassword,
      clientSecret: client.secret,
      ...Object.fromEntries(tokens.issued.map((token, i) => [`token${i}`, token])),
    };
    expect(Object.keys(secrets)).toContain('token0');
    expect(logs.leaked(secrets)).toEqual([]);
  });
});
