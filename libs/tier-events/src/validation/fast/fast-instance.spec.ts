import * as classValidator from 'class-validator';
import fc from 'fast-check';
import { DeadLetter } from '../../messages/dead-letter.message';
import { GroupSyncCommand } from '../../messages/group-sync-command.message';
import { MESSAGE_SCHEMA_VERSION } from '../../messages/message-codec';
import { SyncResult } from '../../messages/sync-result.message';
import { classValidatorParseEvent, parseEvent } from '../../parse/parse-event';
import { capillarySamples } from '../../samples/capillary.samples';
import { commandInit, deadLetterInit, partnerCommandInit, resultInit } from '../../testing/message.fixtures';
import { InvalidEventError } from '../invalid-event.error';
import { withoutProtoKeys } from '../keep-undeclared';
import { classValidatorParseMessage, parseMessage } from '../parse-message';
import { classPlan } from './class-plan';
import { FALLBACK, fastInstance } from './fast-instance';

type Json = Record<string, unknown>;
type Sample = keyof typeof capillarySamples;
const SAMPLES = Object.keys(capillarySamples) as Sample[];

const labels = new Map<object, string>();
/** Each prototype gets its own label: the dynamic envelope classes all share the name `Envelope`. */
function labelOf(prototype: object | null): string {
  if (prototype === null) {
    return 'null';
  }
  let label = labels.get(prototype);
  if (label === undefined) {
    label = `${String((prototype as { constructor?: { name?: unknown } }).constructor?.name)}#${labels.size}`;
    labels.set(prototype, label);
  }
  return label;
}

/** Everything observable about a parse result: classes, own keys in order, property attributes, values. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    return Object.is(value, -0) ? '-0' : value;
  }
  const keys = Reflect.ownKeys(value).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    const flags = `${String(descriptor?.enumerable)}${String(descriptor?.writable)}${String(descriptor?.configurable)}`;
    return [String(key), flags, shape(descriptor?.value)];
  });
  return [Array.isArray(value) ? 'array' : labelOf(Object.getPrototypeOf(value) as object | null), keys];
}

/** The result or the error of a parse, comparable across the two paths. */
function outcome(parse: () => unknown): unknown {
  try {
    return { parsed: shape(parse()) };
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return { invalid: error.message, violations: error.violations };
    }
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Every path into a sample (objects and arrays), so that a mutation can land anywhere. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return [[...prefix], ...value.flatMap((item: unknown, index) => pathsOf(item, [...prefix, index]))];
  }
  if (typeof value === 'object' && value !== null) {
    return [[...prefix], ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [[...prefix]];
}

function nodeAt(root: Json, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Sets an OWN property even for `__proto__`, as JSON.parse does. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A fresh deep copy (own `__proto__` keys stay own keys), so that mutations never share or loop. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(clone);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(copy, key, clone(item));
  }
  return copy;
}

/** Values that touch every rule: types, numeric strings, floats, limits, Object.prototype names. */
const oddValue = fc.oneof(
  fc.constantFrom(null, '', ' ', 'x', '12', ' 7 ', '12.0', '1e3', '-3', 0, -1, 1.5, 2 ** 53, true, false),
  fc.constantFrom([], {}, [{}], [1, '2', 3.0], ['a'], [null]),
  fc.constant(JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as unknown),
  fc.constantFrom({ constructor: 1 }, { toString: 'x' }, { nested: { constructor: { a: 1 } } }),
  fc.jsonValue({ maxDepth: 2 }),
);
const oddKey = fc.constantFrom(
  'x_extra',
  'constructor',
  'toString',
  '__proto__',
  'valueOf',
  '0',
  'data',
  'eventName',
);

type Mutation =
  | { readonly kind: 'set'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: oddKey, value: oddValue }),
);

function mutated(sample: Sample | (() => Json), mutations: readonly Mutation[]): unknown {
  let body: Json = typeof sample === 'function' ? sample() : capillarySamples[sample]();
  for (const change of mutations) {
    const paths = pathsOf(body);
    const path = paths[change.at % paths.length] ?? [];
    if (change.kind === 'add') {
      const node = nodeAt(body, path);
      // Objects only: a `constructor` key on an array would break the harness's own array methods.
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
        setOwn(node, change.key, clone(change.value));
      }
      continue;
    }
    const key = path.at(-1);
    if (key === undefined) {
      if (change.kind === 'set') {
        body = { wrapper: clone(change.value) }; // the root itself replaced
      }
      continue;
    }
    const parent = nodeAt(body, path.slice(0, -1)) as Record<string | number, unknown>;
    if (change.kind === 'delete') {
      Reflect.deleteProperty(parent, key);
    } else {
      setOwn(parent, key, clone(change.value));
    }
  }
  return body;
}

const idStyle = fc.constantFrom<(id: number) => number | string>(
  (id) => id,
  (id) => String(id),
  (id) => `${id}.0`,
);

describe('the compiled fast path', () => {
  it('answers for every valid sample (so the bench measures it, not the fallback)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        idStyle,
        (sample, id, style) => {
          const raw = JSON.parse(JSON.stringify(capillarySamples[sample]())) as Json;
          const data = raw['data'] as Json;
          const identifiers = (data['customerIdentifiers'] ?? (data['memberAdded'] as Json | undefined)) as
            Json | undefined;
          if (identifiers?.['customerId'] !== undefined) {
            identifiers['customerId'] = style(id);
          }
          const validateSync = jest.spyOn(classValidator, 'validateSync');
          try {
            parseEvent(raw);
            expect(validateSync).not.toHaveBeenCalled();
          } finally {
            validateSync.mockRestore();
          }
          expect(outcome(() => parseEvent(raw))).toEqual(outcome(() => classValidatorParseEvent(raw)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with class-transformer + class-validator on randomly damaged bodies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (sample, changes) => {
          const raw = mutated(sample, changes);
          expect(outcome(() => parseEvent(raw))).toEqual(outcome(() => classValidatorParseEvent(raw)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees through JSON text too (own __proto__ keys, as a webhook body has them)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(mutation, { maxLength: 3 }), (sample, changes) => {
        const raw = JSON.parse(JSON.stringify(mutated(sample, changes))) as unknown;
        expect(outcome(() => parseEvent(raw))).toEqual(outcome(() => classValidatorParseEvent(raw)));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on internal messages, intact and damaged (ValidateIf, nested lists)', () => {
    const messages: [new () => object, () => Json][] = [
      [GroupSyncCommand, () => ({ ...commandInit(), schemaVersion: MESSAGE_SCHEMA_VERSION })],
      [GroupSyncCommand, () => ({ ...partnerCommandInit(), schemaVersion: MESSAGE_SCHEMA_VERSION })],
      [SyncResult, () => ({ ...resultInit(), schemaVersion: MESSAGE_SCHEMA_VERSION })],
      [DeadLetter, () => ({ ...deadLetterInit(), schemaVersion: MESSAGE_SCHEMA_VERSION })],
    ];
    for (const [cls, init] of messages) {
      const raw = JSON.parse(JSON.stringify(init())) as Json;
      expect(classPlan(cls)).toBeDefined();
      expect(outcome(() => parseMessage(cls, raw, 'm'))).toEqual(
        outcome(() => classValidatorParseMessage(cls, raw, 'm')),
      );
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...messages),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        ([cls, init], changes) => {
          const raw = JSON.parse(JSON.stringify(mutated(init, changes))) as unknown;
          expect(outcome(() => parseMessage(cls, raw, 'm'))).toEqual(
            outcome(() => classValidatorParseMessage(cls, raw, 'm')),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves bodies it is not sure of to the slow path', () => {
    const raw = JSON.parse('{"__proto__": {}, "eventName": "x", "eventId": "e", "data": {}}') as Json;
    expect(fastInstance(Object, raw, withoutProtoKeys(raw) as Json)).toBe(FALLBACK);
  });
});
