import { rejectedEventOf } from './rejected-event';
import { isSelectiveRejected, matchesRejected } from './rejected.filter';

const event = rejectedEventOf('p.webhook-rejected.v1', 'rejected', {
  partition: 0,
  offset: '4',
  timestamp: 1,
  key: 't',
  value: Buffer.from('{"body":{"eventName":"tierUpgraded","eventId":"e-9"}}'),
  headers: { receivedAt: '1000', reason: 'invalid webhook body: data: is required' },
});

describe(matchesRejected.name, () => {
  it('reads the event name through the legacy wrapper, receivedAt from its header', () => {
    expect(event).toMatchObject({
      id: 'p.webhook-rejected.v1:0:4',
      eventName: 'tierUpgraded',
      receivedAt: 1000,
    });
  });

  it.each([
    [{ ids: ['p.webhook-rejected.v1:0:4'] }, true],
    [{ ids: ['p.webhook-rejected.v1:0:5'] }, false],
    [{ eventNames: ['tierRenewed', 'tierUpgraded'] }, true],
    [{ eventNames: ['tierRenewed'] }, false],
    [{ reason: 'DATA: IS' }, true],
    [{ reason: 'eventId' }, false],
    [{ since: 1000, until: 1001 }, true],
    [{ since: 1001 }, false],
    [{ until: 1000 }, false],
  ])('%j -> %p', (filter, expected) => {
    expect(matchesRejected(event, filter)).toBe(expected);
  });

  it('counts any filter as a selection, an empty one not', () => {
    expect(isSelectiveRejected({ ids: [], eventNames: [] })).toBe(false);
    expect(isSelectiveRejected({ reason: 'x' })).toBe(true);
  });
});
