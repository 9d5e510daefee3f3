import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import {
  COMMAND_KINDS,
  MEMBER_ACTIONS,
  MEMBER_OUTCOMES,
  PROVENANCE_SOURCES,
  SYNC_ACTIONS,
  SYNC_OUTCOMES,
  topicNames,
} from '@tiersync/tier-events';
import { classFields, fieldDifferences, tierEventsClasses } from './asyncapi-class-fields';
import { AsyncApiDocument, propertySchema, readAsyncApiText, schemaFields } from './asyncapi-document';

/** Object schemas that describe no class of libs/tier-events, and where their truth lives instead. */
const DESCRIBED_ELSEWHERE: Readonly<Record<string, string>> = {
  RedriveRecord: 'apps/ops-cli/src/dlq/redrive.record.ts (an app: not importable from here)',
  RejectedRedriveRecord: 'apps/ops-cli/src/rejected/rejected-redrive.record.ts',
  WebhookEventHeaders: 'libs/tier-events/src/intake/webhook-event-record.ts (headers, not a class)',
  RejectedWebhookHeaders: 'apps/webhook-ingress/src/webhook/webhook-records.ts',
  CommandHeaders: 'apps/tier-sync/src/messaging/sync.publisher.ts',
  RetryHeaders: 'apps/tier-sync/src/messaging/sync.publisher.ts',
  ResultHeaders: 'apps/tier-sync/src/messaging/sync.publisher.ts',
};
const REDRIVE_LEDGERS = ['tiersync.dlq-redrives.v1', 'tiersync.rejected-redrives.v1'];

const document = new AsyncApiDocument();

/** The parser's diagnostics and its DiagnosticSeverity come from two copies of @stoplight/types. */
const ERROR_SEVERITY: number = DiagnosticSeverity.Error;

function isError(severity: number): boolean {
  return severity === ERROR_SEVERITY;
}

const classes = tierEventsClasses();

describe('docs/asyncapi.yaml', () => {
  it('is a valid AsyncAPI 3.0.0 document for the official parser', async () => {
    const { diagnostics } = await new Parser().parse(readAsyncApiText());
    const errors = diagnostics
      .filter((d) => isError(d.severity))
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document.root['asyncapi']).toBe('3.0.0');
  });

  it('has one channel per topic of libs/tier-events, under the default prefix, plus the redrive ledgers', () => {
    const addresses = [...document.addresses.values()].sort();
    expect(addresses).toEqual([...Object.values(topicNames()), ...REDRIVE_LEDGERS].sort());
  });

  it('has a schema named after every validated class libs/tier-events exports', () => {
    const missing = [...classes.keys()].filter((name) => document.schemas[name] === undefined);
    expect(missing).toEqual([]);
    expect(classes.size).toBeGreaterThan(20);
  });

  it('describes no object that is neither a libs/tier-events class nor listed with its source', () => {
    const unexplained = Object.entries(document.schemas)
      .filter(([, schema]) => schemaFields(document, schema).properties.size > 0)
      .map(([name]) => name)
      .filter((name) => !classes.has(name) && DESCRIBED_ELSEWHERE[name] === undefined);
    expect(unexplained).toEqual([]);
  });

  const noDifferences = {
    propertiesOnlyInSchema: [],
    propertiesOnlyInClass: [],
    requiredOnlyInSchema: [],
    requiredOnlyInClass: [],
    conditionalOnlyInSchema: [],
    conditionalOnlyInClass: [],
  };

  it.each([...classes].map(([name, cls]) => [name, cls] as const))(
    'declares exactly the validated fields of %s, required where the class requires them',
    (name, cls) => {
      const schema = document.schemas[name];
      expect(schema).toBeDefined();
      const differences = fieldDifferences(schemaFields(document, schema ?? {}), classFields(cls));
      expect({ class: name, ...differences }).toEqual({ class: name, ...noDifferences });
    },
  );

  it.each([
    ['GroupMessageBase', 'kind', COMMAND_KINDS],
    ['SyncTrigger', 'action', SYNC_ACTIONS],
    ['Provenance', 'source', PROVENANCE_SOURCES],
    ['SyncResult', 'outcome', SYNC_OUTCOMES],
    ['MemberSyncResult', 'action', MEMBER_ACTIONS],
    ['MemberSyncResult', 'outcome', MEMBER_OUTCOMES],
  ])('lists the values of %s.%s in the order the library does', (schema, property, values) => {
    expect(propertySchema(document, document.schemas[schema] ?? {}, property)['enum']).toEqual([...values]);
  });
});
