import {
  capillarySamples,
  COMMAND_KINDS,
  InvalidEventError,
  parseCustomerRole,
  parseDeadLetter,
  parseEvent,
  parseGroupSyncCommand,
  parseSyncJournalIntent,
  parseSyncResult,
} from '@tiersync/tier-events';
import { AsyncApiDocument, undeclaredFields, type JsonObject } from './asyncapi-document';
import { asRecordValue, LIBRARY_MADE, libraryMade, webhookValues } from './asyncapi-message.fixtures';
import { AsyncApiValidator } from './asyncapi-validator';

const document = new AsyncApiDocument();
const validator = new AsyncApiValidator(document);

const WEBHOOK_MESSAGES = [
  'tierUpgraded',
  'tierDowngraded',
  'tierRenewed',
  'groupMemberAdded',
  'groupMemberRemoved',
  'partnerProgramUpdated',
  'unknownEvent',
];
/** How tiersync itself reads each message, to hold the document to the code. */
const PARSERS: Readonly<Record<string, (raw: unknown) => unknown>> = {
  ...Object.fromEntries(WEBHOOK_MESSAGES.map((name) => [name, parseEvent])),
  groupSyncCommand: parseGroupSyncCommand,
  groupSyncCommandRetry: parseGroupSyncCommand,
  deadLetter: parseDeadLetter,
  syncResult: parseSyncResult,
  syncJournalIntent: parseSyncJournalIntent,
  customerRole: parseCustomerRole,
};

function parserOf(message: string): (raw: unknown) => unknown {
  const parse = PARSERS[message];
  if (parse === undefined) {
    throw new Error(`no tier-events parser for ${message}`);
  }
  return parse;
}

function accepts(parse: (raw: unknown) => unknown, value: unknown): boolean {
  try {
    parse(value);
    return true;
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return false;
    }
    throw error;
  }
}

/** A copy of a JSON value with the field at a dotted path (array indexes too) replaced, or removed. */
function withField(value: unknown, dotted: string, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const keys = dotted.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<unknown>((node, key) => (isNode(node) ? node[key] : undefined), copy);
  if (!isNode(parent)) {
    throw new Error(`no object or array at ${dotted}`);
  }
  if (replacement === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the path is the test's input
    delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const examples = Object.keys(document.messages).flatMap((message) =>
  document.examples(message).map((example) => [message, String(example['name']), example] as const),
);
/** Messages with no tier-events parser, and why. */
const NOT_PARSED: Readonly<Record<string, string>> = {
  rejectedWebhook: 'raw bytes on purpose',
  redriveRecord: 'its class lives in apps/ops-cli',
  rejectedRedriveRecord: 'its class lives in apps/ops-cli',
};

function examplePayload(message: string, name: string): unknown {
  const found = examples.find(([m, n]) => m === message && n === name);
  if (found === undefined) {
    throw new Error(`docs/asyncapi.yaml has no example ${name} of ${message}`);
  }
  return found[2]['payload'];
}

describe('docs/asyncapi.yaml examples', () => {
  it('exist for every message the Capillary samples do not cover', () => {
    const withExamples = new Set(examples.map(([message]) => message));
    const without = Object.keys(document.messages).filter((message) => !withExamples.has(message));
    expect(without.filter((message) => !WEBHOOK_MESSAGES.includes(message))).toEqual([]);
  });

  it('show a command of every kind', () => {
    const kinds = examples
      .filter(([message]) => message === 'groupSyncCommand')
      .map(([, , example]) => (example['payload'] as JsonObject)['kind']);
    expect([...new Set(kinds)].sort()).toEqual([...COMMAND_KINDS].sort());
  });

  it.each(examples)('%s %s fits its payload and headers schemas and parses', (message, _name, example) => {
    const payloadSchema = document.resolve(`#/components/messages/${message}/payload`);
    expect(validator.payloadViolations(message, example['payload'])).toEqual([]);
    expect(undeclaredFields(document, payloadSchema, example['payload'])).toEqual([]);
    const headersRef = document.headersRef(message);
    if (example['headers'] !== undefined && headersRef !== undefined) {
      expect(validator.violations(headersRef, example['headers'])).toEqual([]);
      expect(undeclaredFields(document, document.resolve(headersRef), example['headers'])).toEqual([]);
    }
    if (NOT_PARSED[message] === undefined) {
      expect(accepts(parserOf(message), example['payload'])).toBe(true);
    }
  });

  it.each(examples.filter(([message]) => LIBRARY_MADE.includes(message)))(
    '%s %s is what the library factory makes of it, and the schema accepts that',
    (message, _name, example) => {
      const made = asRecordValue(libraryMade(message, example['payload'] as JsonObject));
      expect(validator.payloadViolations(message, made)).toEqual([]);
      expect(made).toEqual(example['payload']);
    },
  );
});

const tierEvent = asRecordValue(capillarySamples.tierUpgraded());

describe('docs/asyncapi.yaml payload schemas', () => {
  it.each(webhookValues())('accept the value the ingress writes for a %s webhook', (name, value) => {
    const message = name === 'unknownEvent' ? name : String((value as JsonObject)['eventName']);
    expect(validator.payloadViolations(message, value)).toEqual([]);
  });

  it('tell the events apart by eventName: a sample fits its own message only', () => {
    const fitting = WEBHOOK_MESSAGES.filter((m) => validator.payloadViolations(m, tierEvent).length === 0);
    expect(fitting).toEqual(['tierUpgraded']);
  });

  it('accept the renderings Capillary uses for numbers, which the ingress publishes as sent', () => {
    const rendered = [
      ['data.customerIdentifiers.customerId', '566998132'],
      ['data.loyaltyProgramId', ' 978 '],
      ['data.upgradedTierNumber', '2.0'],
      ['createdAt', '1724058034369'],
    ] as const;
    const value = rendered.reduce<unknown>((body, [path, text]) => withField(body, path, text), tierEvent);
    expect(validator.payloadViolations('tierUpgraded', value)).toEqual([]);
    expect(accepts(parseEvent, value)).toBe(true);
  });

  const memberAdded = asRecordValue(capillarySamples.groupMemberAdded());
  const command = examplePayload('groupSyncCommand', 'tierSync');
  const partnerCommand = examplePayload('groupSyncCommand', 'partnerSync');
  const result = examplePayload('syncResult', 'partial');
  const deadLetter = examplePayload('deadLetter', 'memberNotFound');
  it.each([
    ['tierUpgraded', 'data.upgradedTierNumber', 0, false, tierEvent],
    ['tierUpgraded', 'data.customerIdentifiers.customerId', -5, false, tierEvent],
    ['tierUpgraded', 'data.customerIdentifiers.customerId', '0', false, tierEvent],
    ['tierUpgraded', 'data.customerIdentifiers.customerId', '12.5', false, tierEvent],
    ['tierUpgraded', 'data.customerIdentifiers.customerId', 'C-12', false, tierEvent],
    ['tierUpgraded', 'data.previousTierNumber', '0', true, tierEvent],
    ['tierUpgraded', 'data.tierExpiryDateInMillis', '-1', true, tierEvent],
    [
      'tierUpgraded',
      'data.triggeringActivity',
      { enteredBy: { id: -1, till: { code: 7 } } },
      true,
      tierEvent,
    ],
    ['tierUpgraded', 'data.tierExpiryDate', 20250101, false, tierEvent],
    ['tierUpgraded', 'eventId', '  ', false, tierEvent],
    ['tierUpgraded', 'data.loyaltyProgramDetails', null, true, tierEvent],
    ['tierUpgraded', 'orgId', null, true, tierEvent],
    ['tierUpgraded', 'data.loyaltyProgramDetails.tiers', [{ tierNumber: 1, tierName: '' }], true, tierEvent],
    ['tierUpgraded', 'data.loyaltyProgramDetails.tiers', [{ tierNumber: 1, tierName: 7 }], false, tierEvent],
    ['groupMemberAdded', 'data.memberAdded', undefined, false, memberAdded],
    ['groupMemberAdded', 'data.enteredAt', '2024-08-19 14:20', true, memberAdded],
    ['groupSyncCommand', 'programId', undefined, false, command],
    ['groupSyncCommand', 'partner', undefined, false, partnerCommand],
    ['groupSyncCommand', 'programId', 855, true, partnerCommand],
    ['groupSyncCommand', 'commandId', 'not-a-uuid', false, command],
    ['groupSyncCommand', 'schemaVersion', 2, false, command],
    ['groupSyncCommand', 'provenance.source', 'manual', false, command],
    ['groupSyncCommand', 'memberIds', [1, 0], false, command],
    ['syncResult', 'members.0.outcome', 'DONE', false, result],
    ['deadLetter', 'source.offset', '12a', false, deadLetter],
    ['deadLetter', 'command.attempt', -1, false, deadLetter],
    ['deadLetter', 'reason.code', 'ECONNRESET', true, deadLetter],
  ])('agree with the library on %s with %s = %j (valid: %s)', (message, path, value, valid, base) => {
    const changed = withField(base, path, value);
    const violations = validator.payloadViolations(message, changed);
    // The violations ride along so that a failure shows why the schema refused.
    expect({ schemaAccepts: violations.length === 0, violations }).toMatchObject({ schemaAccepts: valid });
    expect({ libraryAccepts: accepts(parserOf(message), changed) }).toEqual({ libraryAccepts: valid });
  });
});
