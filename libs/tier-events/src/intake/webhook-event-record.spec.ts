import { EVENT_SCHEMA_VERSION } from '../parse/event-key';
import { capillarySamples } from '../samples/capillary.samples';
import { boundedViolations, MAX_VIOLATIONS_HEADER_CHARS, webhookEventRecord } from './webhook-event-record';
import { readWebhook } from './webhook-intake';

const meta = { receivedAt: 1_700_000_000_000, traceId: 'trace-1' };
const recordOf = (value: unknown, text = JSON.stringify(value, null, 2)) =>
  webhookEventRecord(readWebhook(Buffer.from(text)), meta);

describe(webhookEventRecord.name, () => {
  it('publishes the body as received, keyed by customer, with the routing headers', () => {
    const sample = capillarySamples.tierUpgraded(42);
    const raw = JSON.stringify(sample, null, 2);
    const record = recordOf(sample, raw);
    expect(record.key).toBe('42');
    expect(record.value).toBe(raw);
    expect(record.headers).toEqual({
      eventName: 'tierUpgraded',
      eventId: sample['eventId'],
      eventKind: 'tierUpgraded',
      receivedAt: '1700000000000',
      schemaVersion: EVENT_SCHEMA_VERSION,
      traceId: 'trace-1',
      schema: 'valid',
    });
  });

  it('removes the legacy wrapper, and says so', () => {
    const sample = capillarySamples.groupMemberAdded(7);
    const record = recordOf({ body: sample });
    expect(record.key).toBe('7');
    expect(record.value).toBe(JSON.stringify(sample));
    expect(record.headers['bodyWrapper']).toBe('body');
    expect(record.headers['rawBody']).toBeUndefined();
  });

  it('marks events of an unhandled name unknown=true', () => {
    const record = recordOf({ ...capillarySamples.tierUpgraded(), eventName: 'pointsIssued' });
    expect(record.headers).toMatchObject({ eventKind: 'unknown', unknown: 'true', schema: 'valid' });
  });

  it('keeps the raw text of a wrapped body whose numbers JSON may have rounded', () => {
    const inner = JSON.stringify(capillarySamples.tierUpgraded()).replace(
      '}}',
      '},"extra":12345678901234567890}',
    );
    const raw = `{"body":${inner}}`;
    const record = recordOf(undefined, raw);
    expect(record.headers['rawBody']).toBe(raw);
    expect(record.value).not.toBe(inner);
  });

  it('keys a schema-invalid event as its valid twin when the key field is readable, else by eventId', () => {
    const tier = capillarySamples.tierRenewed(43);
    (tier['data'] as Record<string, unknown>)['currentTierNumber'] = 'Gold';
    const group = capillarySamples.groupMemberRemoved(44);
    Reflect.deleteProperty(group['data'] as object, 'memberRemoved');
    const nameless = capillarySamples.tierUpgraded();
    nameless['data'] = { customerIdentifiers: { customerId: 'x' } };
    expect(recordOf(tier).key).toBe('43');
    expect(recordOf(group).key).toBe('44');
    expect(recordOf(nameless).key).toBe(nameless['eventId']);
    expect(recordOf(tier).headers).toMatchObject({
      eventKind: 'tierRenewed',
      schema: 'invalid',
      schemaViolations: JSON.stringify([{ path: 'data.currentTierNumber', message: 'must be an integer' }]),
    });
  });
});

describe(boundedViolations.name, () => {
  it('keeps the header within its bound and counts what it left out', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ path: `data.f${i}`, message: 'must be a string' }));
    const header = boundedViolations(many);
    const kept = JSON.parse(header) as { path: string; message: string }[];
    expect(header.length).toBeLessThanOrEqual(MAX_VIOLATIONS_HEADER_CHARS);
    expect(kept.at(-1)).toEqual({ path: '(more)', message: `${200 - kept.length + 1} more violation(s)` });
    expect(kept.slice(0, -1)).toEqual(many.slice(0, kept.length - 1));
  });

  it('keeps a short list whole', () => {
    const few = [{ path: 'data', message: 'is required' }];
    expect(boundedViolations(few)).toBe(JSON.stringify(few));
  });
});
