import { testBrokers } from '@tiersync/kafka/testing';
import { EVENT_SCHEMA_VERSION, parseEvent } from '@tiersync/tier-events';
import { startIngress, TEST_SECRET, type RunningIngress } from './ingress-harness';
import { readTopic, type ConsumedRecord } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('POST /webhooks/capillary against a real broker', () => {
  let ingress: RunningIngress;
  let topics: RunningIngress['config']['kafka']['topics'];

  beforeAll(async () => {
    ingress = await startIngress();
    topics = ingress.config.kafka.topics;
  });
  afterAll(() => ingress.close());

  const recordsOf = (topic: string, eventId: string, count = 1) =>
    readTopic(
      testBrokers(),
      topic,
      (all) => all.filter((r) => r.headers['eventId'] === eventId).length >= count,
    ).then((all) => all.filter((r) => r.headers['eventId'] === eventId));
  const rejectedWithTrace = async (traceId: string): Promise<ConsumedRecord> => {
    const all = await readTopic(testBrokers(), topics.webhookRejected, (rs) =>
      rs.some((r) => r.headers['traceId'] === traceId),
    );
    const found = all.find((r) => r.headers['traceId'] === traceId);
    if (!found) {
      throw new Error(`no rejected record with trace ${traceId}`);
    }
    return found;
  };

  it('answers 202 with the eventId only once the record is in the topic, keyed by customer', async () => {
    const payload = webhookPayloads.tierUpgraded(347266498);
    const before = Date.now();
    const response = await ingress.post(payload, { headers: { traceparent: TRACEPARENT } });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ eventId: payload['eventId'] });

    const [record] = await recordsOf(topics.webhookEvents, String(payload['eventId']));
    expect(record?.key).toBe('347266498');
    expect(record?.headers).toMatchObject({
      eventName: 'tierUpgraded',
      eventKind: 'tierUpgraded',
      schemaVersion: EVENT_SCHEMA_VERSION,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(Number(record?.headers['receivedAt'])).toBeGreaterThanOrEqual(before);
    expect(record?.headers['unknown']).toBeUndefined();
    // The value is the body as sent, which parses to the same event.
    expect(record?.value.toString()).toBe(JSON.stringify(payload));
    expect(parseEvent(JSON.parse(String(record?.value)))).toEqual(parseEvent(payload));
    expect(record?.headers['rawBody']).toBeUndefined();
  });

  it('unwraps the legacy {"body": ...} form and keys group events by groupId', async () => {
    const payload = webhookPayloads.groupMemberAdded(3918893);
    expect((await ingress.post(JSON.stringify({ body: payload }, null, 2))).status).toBe(202);

    const [record] = await recordsOf(topics.webhookEvents, String(payload['eventId']));
    expect(record?.key).toBe('3918893');
    expect(record?.headers).toMatchObject({ eventName: 'groupMemberAdded', bodyWrapper: 'body' });
    expect(JSON.parse(String(record?.value))).toEqual(payload);
  });

  it('keeps the raw text of a wrapped body whose numbers JSON could round', async () => {
    const payload = webhookPayloads.tierUpgraded();
    const inner = JSON.stringify(payload).replace(
      '"orgId":50261',
      '"orgId":50261,"bigId":123456789012345678901',
    );
    const raw = `{"body":${inner}}`;
    expect((await ingress.post(raw)).status).toBe(202);

    const [record] = await recordsOf(topics.webhookEvents, String(payload['eventId']));
    expect(record?.headers['rawBody']).toBe(raw);
  });

  it('accepts a well-formed event it does not handle and marks it unknown=true', async () => {
    const payload = webhookPayloads.pointsIssued();
    expect((await ingress.post(payload)).status).toBe(202);

    const [record] = await recordsOf(topics.webhookEvents, String(payload['eventId']));
    expect(record?.headers).toMatchObject({
      eventName: 'pointsIssued',
      eventKind: 'unknown',
      unknown: 'true',
    });
    expect(record?.key).toBe('347266498');
  });

  it('answers 400 for an event that can never be valid and keeps it, without credentials, in the rejected topic', async () => {
    const payload = { ...webhookPayloads.tierUpgraded(), eventId: '' };
    const raw = JSON.stringify(payload);
    const response = await ingress.post(raw, {
      headers: {
        authorization: 'Basic c2VjcmV0',
        cookie: 'session=abc',
        'x-request-id': 'req-invalid-1',
        'x-extra': 'kept',
      },
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; violations: { path: string }[] };
    expect(answer.error).toBe('invalid event');
    expect(answer.violations.map((v) => v.path)).toContain('eventId');

    const record = await rejectedWithTrace('req-invalid-1');
    expect(record.value.toString()).toBe(raw);
    expect(JSON.parse(record.headers['violations'] ?? '[]')).toEqual(answer.violations);
    expect(record.headers['reason']).toMatch(/eventId/);
    const requestHeaders = JSON.parse(record.headers['requestHeaders'] ?? '{}') as Record<string, string>;
    expect(requestHeaders).toMatchObject({ 'x-extra': 'kept', 'content-type': 'application/json' });
    const credentials = Object.keys(requestHeaders).filter((name) =>
      ['authorization', 'cookie', ingress.config.auth.headerName].includes(name),
    );
    expect(credentials).toEqual([]);
    expect(JSON.stringify(record.headers)).not.toContain(TEST_SECRET);
  });

  it('answers 400 for malformed JSON and keeps the bytes verbatim', async () => {
    const raw = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe]); // '{"a":' then invalid UTF-8
    const response = await ingress.post(raw, { headers: { 'x-request-id': 'req-malformed-1' } });
    expect(response.status).toBe(400);
    expect((await rejectedWithTrace('req-malformed-1')).value.equals(raw)).toBe(true);
  });

  it('answers 401 to a wrong or missing secret and publishes nothing', async () => {
    const refused = webhookPayloads.tierUpgraded(555);
    const wrong = await ingress.post(refused, { secret: `${TEST_SECRET}x` });
    const missing = await ingress.post(refused, { secret: null });
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual({ error: 'unauthorized' });

    // Same key, same partition: a later accepted record proves the refused one was never written before it.
    const accepted = webhookPayloads.tierUpgraded(555);
    expect((await ingress.post(accepted)).status).toBe(202);
    const all = await readTopic(testBrokers(), topics.webhookEvents, (rs) =>
      rs.some((r) => r.headers['eventId'] === accepted['eventId']),
    );
    expect(all.some((r) => r.headers['eventId'] === refused['eventId'])).toBe(false);
  });

  it('answers 413 above WEBHOOK_MAX_BODY_BYTES and 415 for a non-JSON content type', async () => {
    const tooBig = JSON.stringify({
      ...webhookPayloads.tierUpgraded(),
      padding: 'x'.repeat(ingress.config.http.maxBodyBytes),
    });
    const big = await ingress.post(tooBig);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: 'payload too large' });

    const text = await ingress.post(JSON.stringify(webhookPayloads.tierUpgraded()), {
      contentType: 'text/plain',
    });
    expect(text.status).toBe(415);
    const form = await ingress.post('a=b', { contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await ingress.post(webhookPayloads.tierUpgraded(), {
      contentType: 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(202);
  });

  it('acknowledges a duplicate delivery again: both records are in the topic (consumers de-duplicate)', async () => {
    const payload = webhookPayloads.tierUpgraded();
    const answers = await Promise.all([ingress.post(payload), ingress.post(payload)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const records = await recordsOf(topics.webhookEvents, String(payload['eventId']), 2);
    expect(records).toHaveLength(2);
    expect(new Set(records.map((r) => r.key))).toEqual(new Set(['347266498']));
  });
});
