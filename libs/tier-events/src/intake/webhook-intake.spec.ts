import fc from 'fast-check';
import { violationsOf } from '../../test/violations-of';
import { capillarySamples } from '../samples/capillary.samples';
import { plausibleVariants } from '../testing/plausible-variants';
import { InvalidEventError } from '../validation/invalid-event.error';
import { readWebhook } from './webhook-intake';

const read = (text: string) => readWebhook(Buffer.from(text));
const violations = (text: string) =>
  violationsOf(() => read(text)).map(({ path, message }) => `${path}: ${message}`);

/** A body's fate: accepted with its schema verdict (202) or refused (400, kept on the rejected topic). */
function fate(text: string): 'valid' | 'invalid' | 'refused' {
  try {
    return read(text).schema.valid ? 'valid' : 'invalid';
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return 'refused';
    }
    throw error;
  }
}

const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc
    .record({ key: fc.constantFrom(...PROTOTYPE_KEYS), value: fc.jsonValue({ maxDepth: 2 }) })
    .map(({ key, value }) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as unknown),
);

/** `depth` arrays or objects around a leaf, written as text: too deep for any recursive JSON walk. */
const deepJson = fc
  .record({ depth: fc.integer({ min: 30, max: 6_000 }), objects: fc.boolean() })
  .map(({ depth, objects }) =>
    objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

const samples = fc.constantFrom(
  capillarySamples.tierUpgraded,
  capillarySamples.tierDowngraded,
  capillarySamples.tierRenewed,
  capillarySamples.groupMemberAdded,
);

function isNonBlankText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

describe(readWebhook.name, () => {
  it.each([
    ['not UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), '(root): must be UTF-8 text'],
    ['not JSON', Buffer.from('{"eventName":'), '(root): must be valid JSON'],
    ['empty', undefined, '(root): must be valid JSON'],
    ['an array', Buffer.from('[{"eventName":"tierUpgraded","eventId":"e"}]'), '(root): must be an object'],
    ['a string', Buffer.from('"tierUpgraded"'), '(root): must be an object'],
  ])('refuses a body that is %s', (_case, body, violation) => {
    expect(violationsOf(() => readWebhook(body)).map((v) => `${v.path}: ${v.message}`)).toEqual([violation]);
  });

  it('refuses an event without a string eventName and eventId, naming both', () => {
    expect(violations('{"data":{}}')).toEqual(['eventId: is required', 'eventName: is required']);
    expect(violations('{"eventName":" ","eventId":7}')).toEqual([
      'eventId: must be a string',
      'eventName: must not be empty',
    ]);
    expect(violations('{"eventName":{"constructor":1},"eventId":"e"}')).toEqual([
      'eventName: must be a string',
    ]);
  });

  it('reads eventName and eventId as own keys only', () => {
    expect(violations('{"__proto__":{"eventName":"tierUpgraded","eventId":"e"}}')).toEqual([
      'eventId: is required',
      'eventName: is required',
    ]);
  });

  it.each(Object.entries(plausibleVariants))('accepts %s as schema-valid', (_, variant) => {
    expect(fate(JSON.stringify(variant()))).toBe('valid');
  });

  it('accepts a known event that fails its schema, with every violation', () => {
    const body = capillarySamples.tierUpgraded(42);
    (body['data'] as Record<string, unknown>)['upgradedTierNumber'] = 'Gold';
    const intake = read(JSON.stringify(body));
    expect(intake.eventName).toBe('tierUpgraded');
    expect(intake.schema.valid ? [] : intake.schema.error.violations).toEqual([
      { path: 'data.upgradedTierNumber', message: 'must be an integer' },
    ]);
  });

  it('accepts a hostile body that names its event, schema-invalid: nesting deeper than 32 levels', () => {
    const deep = `{"eventName":"tierUpgraded","eventId":"e","data":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const intake = read(deep);
    expect(intake.schema.valid ? [] : intake.schema.error.violations).toEqual([
      { path: '(root)', message: 'nests deeper than 32 levels' },
    ]);
  });

  it('accepts every hostile body that names its event (string eventName and eventId), refuses the rest', () => {
    fc.assert(
      fc.property(
        samples,
        fc.constantFrom('eventName', 'eventId', 'data', 'x_extra'),
        fc.oneof(
          hostileValue.map((value) => JSON.stringify(value)),
          deepJson,
        ),
        (sample, field, valueJson) => {
          const { [field]: _replaced, ...rest } = sample();
          const body = JSON.stringify(rest);
          const text = `${body.slice(0, -1)}${body.length > 2 ? ',' : ''}${JSON.stringify(field)}:${valueJson}}`;
          const sent = JSON.parse(text) as Record<string, unknown>;
          const named = isNonBlankText(sent['eventName']) && isNonBlankText(sent['eventId']);
          expect(named ? ['valid', 'invalid'] : ['refused']).toContain(fate(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('unwraps the legacy body and keeps vendor extras named like Object.prototype members', () => {
    const sample = { ...capillarySamples.tierUpgraded(), toString: 'x' };
    const intake = read(JSON.stringify({ body: sample }));
    expect(intake.wrapped).toBe(true);
    expect(intake.schema.valid && intake.schema.event.kind).toBe('tierUpgraded');
  });
});
