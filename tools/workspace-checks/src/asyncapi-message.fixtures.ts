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

export function asRecordValue(message: object): unknown {
  return JSON.parse(JSON.stringify(message));
}

export function webhookValues(): [string, unknown][] {
  const samples = Object.entries(capillarySamples).map(
    ([name, sample]) => [name, asRecordValue(sample())] as [string, unknown],
  );
  const unhandled = { ...capillarySamples.tierUpgraded(), eventName: 'pointsIssued', data: { points: 10 } };
  return [...samples, ['unknownEvent', asRecordValue(unhandled)]];
}

export const LIBRARY_MADE = ['groupSyncCommand', 'groupSyncCommandRetry', 'syncResult', 'deadLetter'];

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
