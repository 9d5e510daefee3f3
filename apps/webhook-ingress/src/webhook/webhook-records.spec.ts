import { capillarySamples, EVENT_SCHEMA_VERSION, InvalidEventError } from '@tiersync/tier-events';
import { decodeWebhookBody } from './webhook-body.decoder';
import { eventRecord, rejectedRecord } from './webhook-records';

const meta = { receivedAt: 1_700_000_000_000, traceId: 'trace-1' };
const decode = (value: unknown) => decodeWebhookBody(Buffer.from(JSON.stringify(value, null, 2)));

describe(eventRecord.name, () => {
  it('publishes the body as received, keyed by customer, with the routing headers', () => {
    const sample = capillarySamples.tierUpgraded(42);
    const raw = JSON.stringify(sample, null, 2);
    const record = eventRecord(decodeWebhookBody(Buffer.from(raw)), meta);
    expect(record.key).toBe('42');
    expect(record.value).toBe(raw);
    expect(record.headers).toEqual({
      eventName: 'tierUpgraded',
      eventId: sample['eventId'],
      eventKind: 'tierUpgraded',
      receivedAt: '1700000000000',
      schemaVersion: EVENT_SCHEMA_VERSION,
      traceId: 'trace-1',
    });
  });

  it('removes the legacy wrapper, and says so', () => {
    const sample = capillarySamples.groupMemberAdded(7);
    const record = eventRecord(decode({ body: sample }), meta);
    expect(record.key).toBe('7');
    expect(record.value).toBe(JSON.stringify(sample));
    expect(record.headers['bodyWrapper']).toBe('body');
    expect(record.headers['rawBody']).toBeUndefined();
  });

  it('marks events of an unhandled name unknown=true', () => {
    const record = eventRecord(
      decode({ ...capillarySamples.tierUpgraded(), eventName: 'pointsIssued' }),
      meta,
    );
    expect(record.headers).toMatchObject({ eventKind: 'unknown', unknown: 'true' });
  });

  it('keeps the raw text of a wrapped body whose numbers JSON may have rounded', () => {
    const inner = JSON.stringify(capillarySamples.tierUpgraded()).replace(
      '}}',
      '},"extra":12345678901234567890}',
    );
    const raw = `{"body":${inner}}`;
    const record = eventRecord(decodeWebhookBody(Buffer.from(raw)), meta);
    expect(record.headers['rawBody']).toBe(raw);
    expect(record.value).not.toBe(inner);
  });
});

describe(rejectedRecord.name, () => {
  it('keeps the body byte for byte and the why in headers', () => {
    const body = Buffer.from([0x7b, 0xff]);
    const error = new InvalidEventError('webhook body', [{ path: '(root)', message: 'must be UTF-8 text' }]);
    const record = rejectedRecord(body, error, { 'content-type': 'application/json' }, meta);
    expect(record.value).toBe(body);
    expect(record.key).toBe('trace-1');
    expect(record.headers).toEqual({
      reason: error.message,
      violations: JSON.stringify(error.violations),
      requestHeaders: '{"content-type":"application/json"}',
      receivedAt: '1700000000000',
      traceId: 'trace-1',
    });
  });

  it('stores an empty value for a request without a body', () => {
    const error = new InvalidEventError('webhook body', [{ path: '(root)', message: 'must be valid JSON' }]);
    expect(rejectedRecord(undefined, error, {}, meta).value).toEqual(Buffer.alloc(0));
  });
});

describe(decodeWebhookBody.name, () => {
  it.each([
    ['not UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'must be UTF-8 text'],
    ['not JSON', Buffer.from('{"eventName":'), 'must be valid JSON'],
    ['empty', undefined, 'must be valid JSON'],
  ])('refuses a body that is %s', (_case, body, message) => {
    expect(() => decodeWebhookBody(body)).toThrow(
      new InvalidEventError('webhook body', [{ path: '(root)', message }]),
    );
  });

  it('lets parseEvent name every violation of a well-formed but invalid event', () => {
    const body = Buffer.from(JSON.stringify({ ...capillarySamples.tierUpgraded(), eventId: 7 }));
    expect(() => decodeWebhookBody(body)).toThrow(InvalidEventError);
  });
});
