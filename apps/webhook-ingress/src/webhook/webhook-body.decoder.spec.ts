import { capillarySamples, InvalidEventError } from '@tiersync/tier-events';
import fc from 'fast-check';
import { decodeWebhookBody } from './webhook-body.decoder';

/** A body's fate at the ingress: decoded (202) or an InvalidEventError (400, kept on the rejected topic). */
function fate(text: string): 'decoded' | 'invalid' {
  try {
    decodeWebhookBody(Buffer.from(text));
    return 'decoded';
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return 'invalid';
    }
    throw error;
  }
}

function violationsOf(text: string): string[] {
  try {
    decodeWebhookBody(Buffer.from(text));
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return error.violations.map((v) => `${v.path}: ${v.message}`);
    }
  }
  return [];
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

describe(decodeWebhookBody.name, () => {
  it('refuses the bodies the fuzzer found with a precise 400 instead of an unexpected error', () => {
    expect(violationsOf('{"eventName":{"constructor":1}}')).toContain('eventName: must be a string');
    const deep = `{"eventName":"tierUpgraded","data":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect(violationsOf(deep)).toEqual(['(root): nests deeper than 32 levels']);
  });

  it('answers every hostile body with a decoded event or an InvalidEventError, nothing else', () => {
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
          expect(['decoded', 'invalid']).toContain(fate(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps accepting vendor extras named like Object.prototype members', () => {
    const body = { ...capillarySamples.tierUpgraded(), toString: 'x' };
    const decoded = decodeWebhookBody(Buffer.from(JSON.stringify(body)));
    expect(decoded.event.kind).toBe('tierUpgraded');
  });
});
