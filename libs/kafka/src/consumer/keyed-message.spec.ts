import { type KafkaMessage } from 'kafkajs';
import { decodeHeaders, toKeyedMessage } from './keyed-message';

type RecordEntry = Extract<KafkaMessage, { headers: unknown }>;

function kafkaMessage(overrides: Partial<RecordEntry> = {}): KafkaMessage {
  return {
    key: Buffer.from('group-1'),
    value: Buffer.from('{"tier":"GOLD"}'),
    timestamp: '1700000000000',
    attributes: 0,
    offset: '42',
    headers: {},
    ...overrides,
  };
}

describe(toKeyedMessage.name, () => {
  const signal = new AbortController().signal;

  it('exposes coordinates, key, value and parsed JSON (parsed once)', () => {
    const sut = toKeyedMessage('t', 3, kafkaMessage(), signal);
    expect(sut).toMatchObject({ topic: 't', partition: 3, offset: '42', key: 'group-1', notBefore: 0 });
    expect(sut.json()).toEqual({ tier: 'GOLD' });
    expect(sut.json()).toBe(sut.json());
    expect(sut.signal).toBe(signal);
  });

  it('reads notBefore from its header and ignores an unreadable one', () => {
    const at = toKeyedMessage('t', 0, kafkaMessage({ headers: { notBefore: '1700000005000' } }), signal);
    expect(at.notBefore).toBe(1_700_000_005_000);
    const junk = toKeyedMessage('t', 0, kafkaMessage({ headers: { notBefore: 'soon' } }), signal);
    expect(junk.notBefore).toBe(0);
  });

  it('treats a null key and value as such, and throws on a value that is not JSON', () => {
    const empty = toKeyedMessage('t', 0, kafkaMessage({ key: null, value: null }), signal);
    expect(empty.key).toBeNull();
    expect(empty.json()).toBeNull();
    const text = toKeyedMessage('t', 0, kafkaMessage({ value: Buffer.from('not json') }), signal);
    expect(() => text.json()).toThrow(SyntaxError);
  });
});

describe(decodeHeaders.name, () => {
  it('decodes buffers as UTF-8, keeps the last of repeated values, and drops undefined ones', () => {
    expect(
      decodeHeaders({ a: Buffer.from('é'), b: 'plain', c: [Buffer.from('1'), '2'], d: undefined }),
    ).toEqual({ a: 'é', b: 'plain', c: '2' });
  });
});
