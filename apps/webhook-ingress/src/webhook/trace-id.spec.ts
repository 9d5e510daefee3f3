import { traceIdOf } from './trace-id';

describe(traceIdOf.name, () => {
  it('takes the trace id of a W3C traceparent', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(traceIdOf({ traceparent, 'x-request-id': 'req-1' })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('falls back to x-request-id, then x-trace-id', () => {
    expect(traceIdOf({ 'x-request-id': 'req-1', 'x-trace-id': 'trace-1' })).toBe('req-1');
    expect(traceIdOf({ 'x-trace-id': 'trace-1' })).toBe('trace-1');
  });

  it('ignores malformed or unsafe values and generates a W3C-shaped id', () => {
    const generated = traceIdOf({
      traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      'x-request-id': 'has spaces; and=more',
      'x-trace-id': 'x'.repeat(200),
    });
    expect(generated).toMatch(/^[\da-f]{32}$/);
    expect(traceIdOf({})).not.toBe(traceIdOf({}));
  });
});
