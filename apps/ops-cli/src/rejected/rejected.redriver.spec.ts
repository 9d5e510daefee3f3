import { capillarySamples } from '@tiersync/tier-events';
import { rejectedEventOf, type RejectedOrigin } from './rejected-event';
import { parseRejectedRedriveRecord } from './rejected-redrive.record';
import { planRejectedRedrive, readAgain } from './rejected.redriver';

const QUARANTINE_HEADERS = {
  eventId: 'e-1',
  receivedAt: '1700000000000',
  traceId: 'trace-1',
  reason: 'tier-sync could not read the event: invalid webhook event: data.upgradedTierNumber: ...',
  violations: '[]',
  source: 'p.webhook-events.v1:3:17',
};

function kept(
  body: unknown,
  origin: RejectedOrigin = 'quarantined',
  headers: Record<string, string> = QUARANTINE_HEADERS,
) {
  const topic = origin === 'quarantined' ? 'p.dlq.v1' : 'p.webhook-rejected.v1';
  const value = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return rejectedEventOf(topic, origin, {
    partition: 1,
    offset: '5',
    timestamp: 9,
    key: 'k',
    value,
    headers,
  });
}

describe(readAgain.name, () => {
  it('sends an event that parses now as the ingress would, original headers kept, failure headers dropped', () => {
    const outcome = readAgain(kept(capillarySamples.tierUpgraded(42)));
    expect('record' in outcome && outcome.record.key).toBe('42');
    expect('record' in outcome && outcome.record.headers).toEqual({
      eventName: 'tierUpgraded',
      eventId: capillarySamples.tierUpgraded()['eventId'],
      eventKind: 'tierUpgraded',
      receivedAt: '1700000000000',
      schemaVersion: '1',
      traceId: 'trace-1',
      schema: 'valid',
      redrivenFrom: 'p.dlq.v1:1:5',
      requeuedFrom: '3:17',
    });
  });

  it('names no first position for a body the ingress refused: it never was on webhook-events', () => {
    const headers = {
      receivedAt: '1700000000000',
      traceId: 't',
      reason: 'r',
      violations: '[]',
      requestHeaders: '{}',
    };
    const outcome = readAgain(kept(capillarySamples.groupMemberAdded(7), 'rejected', headers));
    expect('record' in outcome && outcome.record.headers).toMatchObject({
      redrivenFrom: 'p.webhook-rejected.v1:1:5',
      requestHeaders: '{}',
    });
    expect('record' in outcome && outcome.record.headers['requeuedFrom']).toBeUndefined();
  });

  it('reports an event that still fails its schema, or still cannot be read at all, with the reason', () => {
    const invalid = capillarySamples.tierRenewed();
    (invalid['data'] as Record<string, unknown>)['currentTierNumber'] = 'Gold';
    expect(readAgain(kept(invalid))).toEqual({
      id: 'p.dlq.v1:1:5',
      eventName: 'tierRenewed',
      reason: 'invalid webhook event: data.currentTierNumber: must be an integer',
    });
    expect(readAgain(kept(Buffer.from('{"eventName":'), 'rejected'))).toMatchObject({
      reason: 'invalid webhook body: (root): must be valid JSON',
    });
  });
});

describe(planRejectedRedrive.name, () => {
  it('skips what the ledger already holds', () => {
    const event = kept(capillarySamples.tierUpgraded());
    const redrive = parseRejectedRedriveRecord({
      sourceId: event.id,
      eventId: 'e-1',
      redrivenAt: 1,
      eventTopic: 'p.webhook-events.v1',
      partition: 0,
      offset: '3',
    });
    const plan = planRejectedRedrive([{ event, redrive }]);
    expect(plan).toEqual({ toRedrive: [], stillFailing: [], alreadyRedriven: [redrive] });
  });
});
