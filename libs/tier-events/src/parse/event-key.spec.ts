import { capillarySamples } from '../samples/capillary.samples';
import { EVENT_SCHEMA_VERSION, eventKey } from './event-key';
import { parseEvent } from './parse-event';

function unknownEvent(data: Record<string, unknown>) {
  return parseEvent({ eventName: 'customerUpdated', eventId: 'evt-1', data });
}

describe(eventKey.name, () => {
  it.each([
    ['tierUpgraded', capillarySamples.tierUpgraded(11), '11'],
    ['tierDowngraded', capillarySamples.tierDowngraded(12), '12'],
    ['tierRenewed', capillarySamples.tierRenewed(13), '13'],
    ['partnerProgramUpdated', capillarySamples.partnerProgramUpdated(14), '14'],
  ])('keys %s by the customer', (_kind, raw, key) => {
    expect(eventKey(parseEvent(raw))).toBe(key);
  });

  it.each([
    ['groupMemberAdded', capillarySamples.groupMemberAdded(21, 1, 2)],
    ['groupMemberRemoved', capillarySamples.groupMemberRemoved(21, 1, 2)],
  ])('keys %s by the group', (_kind, raw) => {
    expect(eventKey(parseEvent(raw))).toBe('21');
  });

  it('keys an unknown event by its normalised customer id, then its group id, then its event id', () => {
    expect(eventKey(unknownEvent({ customerIdentifiers: { customerId: '31.0' }, groupId: 32 }))).toBe('31');
    expect(eventKey(unknownEvent({ customerIdentifiers: { mobile: '9190' }, groupId: '32' }))).toBe('32');
    expect(eventKey(unknownEvent({ customerIdentifiers: 'x', groupId: -1 }))).toBe('evt-1');
    expect(eventKey(unknownEvent({}))).toBe('evt-1');
  });

  it('publishes schema version 1', () => {
    expect(EVENT_SCHEMA_VERSION).toBe('1');
  });
});
