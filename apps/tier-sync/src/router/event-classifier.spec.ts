import { capillarySamples, parseEvent } from '@tiersync/tier-events';
import { classifyEvent } from './event-classifier';

const at = 1_724_058_034_369;
const classify = (raw: Record<string, unknown>) => classifyEvent(parseEvent(raw), at);
const withData = (raw: Record<string, unknown>, patch: Record<string, unknown>) => ({
  ...raw,
  data: { ...(raw['data'] as Record<string, unknown>), ...patch },
});

describe(classifyEvent.name, () => {
  it.each([
    ['tierUpgraded', capillarySamples.tierUpgraded(7), 'UPGRADE', 2],
    ['tierDowngraded', capillarySamples.tierDowngraded(7), 'DOWNGRADE', 1],
    ['tierRenewed', capillarySamples.tierRenewed(7), 'RENEWAL', 2],
  ])('%s -> a tier intent for the customer with the payload tier name', (_name, raw, action, tierNumber) => {
    expect(classify(raw)).toEqual({
      type: 'tier',
      customerId: 7,
      programId: 978,
      trigger: {
        eventId: 'fac88937-7740-48a3-b34e-fcfedb1f57a0',
        eventName: _name,
        action,
        tierNumber,
        tierName: tierNumber === 2 ? 'Gold' : 'Silver',
        occurredAt: at,
      },
    });
  });

  it('leaves the tier name to the tier map when the payload has no tiers', () => {
    const raw = withData(capillarySamples.tierUpgraded(7), {
      loyaltyProgramDetails: { id: 978, tiers: null },
    });
    const intent = classify(raw);
    expect(intent.type).toBe('tier');
    expect(intent.trigger).not.toHaveProperty('tierName');
    expect(intent.trigger.tierNumber).toBe(2);
  });

  it('treats a tier event without entityInformation as a USER event', () => {
    const raw = withData(capillarySamples.tierUpgraded(7), { entityInformation: null });
    expect(classify(raw).type).toBe('tier');
  });

  it('ignores tier changes of non-USER entities (a group tier)', () => {
    const raw = withData(capillarySamples.tierUpgraded(7), {
      entityInformation: { entityType: 'USERGROUP2', entityId: 7 },
    });
    expect(classify(raw)).toMatchObject({
      type: 'ignore',
      reason: 'entity type USERGROUP2 is not synced (USER only)',
      customerId: 7,
    });
  });

  it('turns groupMemberAdded into a join for that member, and groupMemberRemoved into a leave', () => {
    expect(classify(capillarySamples.groupMemberAdded(50, 1, 2))).toMatchObject({
      type: 'join',
      groupId: 50,
      primaryCustomerId: 1,
      memberId: 2,
      trigger: { action: 'JOIN', eventName: 'groupMemberAdded' },
    });
    expect(classify(capillarySamples.groupMemberRemoved(50, 1, 2))).toMatchObject({
      type: 'leave',
      groupId: 50,
      memberId: 2,
    });
  });

  it('reads a documented partner update: the tier as a number, no name', () => {
    expect(classify(capillarySamples.partnerProgramUpdated(9))).toMatchObject({
      type: 'partner',
      partner: { partnerProgramName: 'Demo-p1', tierNumber: 2, updateType: 'UPGRADE' },
    });
    const intent = classify(capillarySamples.partnerProgramUpdated(9));
    expect(intent.type === 'partner' && intent.partner).not.toHaveProperty('tierName');
  });

  it('reads a partner update, including the tier name sent beside the details', () => {
    const raw = withData(capillarySamples.partnerProgramUpdated(9), { partnerTierName: 'Gold' });
    expect(classify(raw)).toEqual({
      type: 'partner',
      customerId: 9,
      programId: 855,
      partner: {
        partnerProgramName: 'Demo-p1',
        tierNumber: 2,
        tierName: 'Gold',
        tierExpiryDate: '2021-06-29',
        updateType: 'UPGRADE',
      },
      trigger: expect.objectContaining({
        action: 'PARTNER_UPDATE',
        eventName: 'partnerProgramUpdated',
      }) as unknown,
    });
  });

  it('ignores a partner update that names no partner program', () => {
    const raw = withData(capillarySamples.partnerProgramUpdated(9), { partnerProgramName: null });
    expect(classify(raw)).toMatchObject({ type: 'ignore', customerId: 9 });
  });

  it('ignores events it does not handle, without an error', () => {
    const raw = { ...capillarySamples.tierUpgraded(7), eventName: 'pointsContributionToGroup' };
    expect(classify(raw)).toMatchObject({
      type: 'ignore',
      reason: 'event pointsContributionToGroup is not handled',
    });
  });
});
