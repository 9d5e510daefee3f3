import { testBrokers } from '@tiersync/kafka/testing';
import { plausibleVariants } from '@tiersync/tier-events/testing';
import { randomUUID } from 'node:crypto';
import { startIngress, type RunningIngress } from './ingress-harness';
import { readTopic, type ConsumedRecord } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

type Json = Record<string, unknown>;

describe('tolerant intake against a real broker', () => {
  let ingress: RunningIngress;
  let topics: RunningIngress['config']['kafka']['topics'];

  beforeAll(async () => {
    ingress = await startIngress();
    topics = ingress.config.kafka.topics;
  });
  afterAll(() => ingress.close());

  const recordWith = async (topic: string, header: string, value: string): Promise<ConsumedRecord> => {
    const all = await readTopic(testBrokers(), topic, (rs) => rs.some((r) => r.headers[header] === value));
    const found = all.find((r) => r.headers[header] === value);
    if (!found) {
      throw new Error(`no record with ${header}=${value} on ${topic}`);
    }
    return found;
  };

  it.each(Object.entries(plausibleVariants))(
    'answers 202 to the issue-13 body with %s and publishes it with schema=valid',
    async (_, variant) => {
      const payload = { ...variant(), eventId: randomUUID() };
      const response = await ingress.post(payload);
      expect(response.status).toBe(202);
      const record = await recordWith(topics.webhookEvents, 'eventId', payload.eventId);
      expect(record.headers['schema']).toBe('valid');
      expect(record.headers['schemaViolations']).toBeUndefined();
      expect(record.value.toString()).toBe(JSON.stringify(payload));
    },
  );

  it('answers 202 to an event that names itself but fails its schema: schema=invalid with the violations', async () => {
    const payload = webhookPayloads.tierUpgraded(347266498);
    (payload['data'] as Json)['upgradedTierNumber'] = 'Gold';
    const response = await ingress.post(payload);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ eventId: payload['eventId'] });
    const record = await recordWith(topics.webhookEvents, 'eventId', String(payload['eventId']));
    expect(record.key).toBe('347266498');
    expect(record.headers).toMatchObject({
      eventName: 'tierUpgraded',
      eventKind: 'tierUpgraded',
      schema: 'invalid',
    });
    expect(JSON.parse(record.headers['schemaViolations'] ?? '[]')).toEqual([
      { path: 'data.upgradedTierNumber', message: 'must be an integer' },
    ]);
    const metrics = await (await ingress.get('/metrics')).text();
    expect(metrics).toMatch(/tiersync_ingress_accepted_events_total\{schema="invalid"\} [1-9]/);
  });

  it.each([
    ['not JSON', '{"eventName":"tierUpgraded",', '(root): must be valid JSON'],
    ['an array', JSON.stringify([webhookPayloads.tierUpgraded()]), '(root): must be an object'],
    [
      'without eventId',
      JSON.stringify({ ...webhookPayloads.tierUpgraded(), eventId: undefined }),
      'eventId: is required',
    ],
  ])('answers 400 to a body that is %s and keeps it on the rejected topic', async (_, raw, violation) => {
    const traceId = randomUUID().replaceAll('-', '');
    const response = await ingress.post(raw, { headers: { 'x-request-id': traceId } });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { violations: { path: string; message: string }[] };
    expect(answer.violations.map((v) => `${v.path}: ${v.message}`)).toEqual([violation]);
    const record = await recordWith(topics.webhookRejected, 'traceId', traceId);
    expect(record.value.toString()).toBe(raw);
  });
});
