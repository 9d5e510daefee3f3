import {
  capillarySamples,
  createDeadLetter,
  createGroupSyncCommand,
  createSyncResult,
  type DeadLetterInit,
  type GroupSyncCommandInit,
  type SyncResultInit,
} from '@tiersync/tier-events';
import { type JsonObject } from './asyncapi-document';

/** A record value as a consumer reads it: the message after JSON encoding (undefined fields gone). */
export function asRecordValue(message: object): unknown {
  return JSON.parse(JSON.stringify(message));
}

/**
 * The values the ingress writes for every documented Capillary sample, by message name: the body's JSON,
 * compact, every field as sent (apps/webhook-ingress/src/webhook/webhook-records.ts).
 */
export function webhookValues(): [string, unknown][] {
  const samples = Object.entries(capillarySamples).map(
    ([name, sample]) => [name, asRecordValue(sample())] as [string, unknown],
  );
  const unhandled = { ...capillarySamples.tierUpgraded(), eventName: 'pointsIssued', data: { points: 10 } };
  return [...samples, ['unknownEvent', asRecordValue(unhandled)]];
}

/** The internal messages tiersync builds with its factories, by the message name of the document. */
export const LIBRARY_MADE = ['groupSyncCommand', 'groupSyncCommandRetry', 'syncResult', 'deadLetter'];

/**
 * The message the library's own factory makes from an example payload (its fields minus the schema
 * version, which the factory stamps). The factory validates, so a wrong example throws here.
 */
export function libraryMade(message: string, payload: JsonObject): object {
  const { schemaVersion: _stamped, ...init } = payload;
  switch (message) {
    case 'syncResult':
      return createSyncResult(init as SyncResultInit);
    case 'deadLetter':
      return createDeadLetter(init as DeadLetterInit);
    default:
      return createGroupSyncCommand(init as GroupSyncCommandInit);
  }
}
