import { unreadableEventResult, unreadableEventSubject } from './unreadable-event';

function record(value: string, key: string | null, headers: Record<string, string> = {}) {
  return { key, value: Buffer.from(value), headers };
}

describe(unreadableEventSubject.name, () => {
  it('takes the customer from the body when it still names one, over the record key', () => {
    const body = { eventName: 'tierDowngraded', data: { customerIdentifiers: { customerId: '42' }, x: {} } };
    expect(unreadableEventSubject(record(JSON.stringify(body), '7'), 1_000)).toEqual({
      kind: 'TIER_SYNC',
      customerId: 42,
      trigger: { eventName: 'tierDowngraded', action: 'DOWNGRADE', occurredAt: 1_000 },
    });
  });

  it('reads the key as the ingress keys the event: the group of a membership event', () => {
    const body = { eventName: 'groupMemberRemoved', eventId: 'e-1', data: 'broken' };
    expect(unreadableEventSubject(record(JSON.stringify(body), '3918'), 1_000)).toEqual({
      kind: 'JOIN_SYNC',
      groupId: 3918,
      trigger: { eventId: 'e-1', eventName: 'groupMemberRemoved', action: 'JOIN', occurredAt: 1_000 },
    });
  });

  it('falls back to the headers the ingress wrote when the body is not JSON', () => {
    const headers = { eventName: 'partnerProgramUpdated', eventId: 'e-2', receivedAt: '5000' };
    expect(unreadableEventSubject(record('{oops', '566', headers), 1_000)).toEqual({
      kind: 'PARTNER_SYNC',
      customerId: 566,
      trigger: {
        eventId: 'e-2',
        eventName: 'partnerProgramUpdated',
        action: 'PARTNER_UPDATE',
        occurredAt: 5_000,
      },
    });
  });

  it('names nobody when neither the body nor the key holds an id', () => {
    const subject = unreadableEventSubject(record('[1,2]', 'a4b0-uuid'), 1_000);
    expect(subject).toEqual({ kind: 'TIER_SYNC', trigger: { action: 'RECONCILE', occurredAt: 1_000 } });
  });
});

describe(unreadableEventResult.name, () => {
  it('drops a trigger field the schema refuses rather than lose the result', () => {
    const subject = unreadableEventSubject(record('{}', '566', { eventId: 'e-3' }), 1_000);
    const result = unreadableEventResult(
      { ...subject, trigger: { ...subject.trigger, eventName: 7 as unknown as string } },
      { groupId: 9, primaryCustomerId: 566 },
      'unreadable',
      2_000,
    );
    expect(result).toMatchObject({
      groupId: 9,
      primaryCustomerId: 566,
      outcome: 'FAILED',
      reason: 'unreadable',
    });
    expect(result?.trigger).toEqual({ action: 'RECONCILE', occurredAt: 1_000 });
  });
});
