import { InvalidEventError } from '@tiersync/tier-events';
import { rejectedRecord } from './webhook-records';

const meta = { receivedAt: 1_700_000_000_000, traceId: 'trace-1' };

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
