import { testBrokers } from '@tiersync/kafka/testing';
import fc from 'fast-check';
import { startIngress, type RunningIngress } from './ingress-harness';
import { readTopic } from './topic-reader';
import { webhookPayloads } from './webhook-payloads';

type Json = Record<string, unknown>;

/** Replaces, deletes or retypes one field somewhere in a valid event: the near-misses a vendor might send. */
function mutated(event: Json, path: string[], replacement: unknown, remove: boolean): Json {
  const copy = structuredClone(event);
  let node: unknown = copy;
  for (const [index, key] of path.entries()) {
    if (typeof node !== 'object' || node === null) {
      break;
    }
    const record = node as Json;
    const keys = Object.keys(record);
    const chosen = keys[Math.abs(hash(key)) % Math.max(keys.length, 1)] ?? key;
    if (index === path.length - 1 || typeof record[chosen] !== 'object' || record[chosen] === null) {
      if (remove) {
        Reflect.deleteProperty(record, chosen);
      } else {
        record[chosen] = replacement;
      }
      break;
    }
    node = record[chosen];
  }
  return copy;
}

function hash(text: string): number {
  let h = 7;
  for (const char of text) {
    h = (h * 31 + char.charCodeAt(0)) | 0;
  }
  return h;
}

const validEvent = fc.constantFrom(
  webhookPayloads.tierUpgraded,
  webhookPayloads.groupMemberAdded,
  webhookPayloads.pointsIssued,
);

const bodies: fc.Arbitrary<string | Buffer> = fc.oneof(
  // Arbitrary JSON documents (objects, arrays, scalars, deep nesting, odd unicode).
  fc.json({ depthSize: 'medium' }),
  // Near-valid events: one field removed or replaced by any JSON value.
  fc
    .tuple(validEvent, fc.array(fc.string(), { minLength: 1, maxLength: 4 }), fc.jsonValue(), fc.boolean())
    .map(([make, path, value, remove]) => JSON.stringify(mutated(make(), path, value, remove))),
  // Valid events cut short or with bytes spliced in: broken JSON, broken UTF-8.
  fc.tuple(validEvent, fc.nat(), fc.uint8Array({ maxLength: 8 })).map(([make, at, noise]) => {
    const raw = Buffer.from(JSON.stringify({ body: make() }));
    const cut = at % raw.length;
    return Buffer.concat([raw.subarray(0, cut), Buffer.from(noise), raw.subarray(cut + noise.length)]);
  }),
  // Plain noise.
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
);

describe('webhook ingress under fuzzed bodies', () => {
  let ingress: RunningIngress;

  beforeAll(async () => {
    ingress = await startIngress({ PUBLISH_LINGER_MS: '0' });
  });
  afterAll(() => ingress.close());

  it('answers only 202 or 400 to 1,000 random and mutated bodies, and stores every one of them', async () => {
    const counts = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await ingress.post(body);
        const answer = (await response.json()) as {
          eventId?: unknown;
          error?: unknown;
          violations?: unknown[];
        };
        if (response.status === 202) {
          counts.accepted++;
          expect(typeof answer.eventId).toBe('string');
        } else {
          counts.rejected++;
          expect(response.status).toBe(400);
          expect(answer.error).toBe('invalid event');
          expect(answer.violations?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );

    expect((await ingress.get('/health/live')).status).toBe(200);
    expect(counts.rejected).toBeGreaterThan(500);
    // Nothing lost: every accepted body is an event record, every refused one a rejected record.
    const { webhookEvents, webhookRejected } = ingress.config.kafka.topics;
    const brokers = testBrokers();
    const events = await readTopic(
      brokers,
      webhookEvents,
      (records) => records.length === counts.accepted,
      30_000,
    );
    // Tolerant intake: near-misses are accepted too, each saying whether it passed its schema.
    const verdicts = new Set(events.map((record) => record.headers['schema']));
    expect([...verdicts].filter((v) => v !== 'valid' && v !== 'invalid')).toEqual([]);
    await readTopic(brokers, webhookRejected, (records) => records.length === counts.rejected, 30_000);
  });
});
