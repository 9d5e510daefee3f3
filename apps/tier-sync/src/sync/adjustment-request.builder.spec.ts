import { slabAdjustmentProblems } from '@tiersync/capillary-client';
import { testCommand } from '../../test/sync-fixtures';
import { type ValidityPolicy } from '../config/tier-sync.config';
import {
  buildAdjustmentRequest,
  buildReason,
  calendarDateOf,
  validityOf,
} from './adjustment-request.builder';

const strategy: ValidityPolicy = {
  kind: 'AS_PER_TIER_STRATEGY',
  alignToPrimary: false,
  reassessOnNextActivity: false,
};
const command = {
  commandId: '0b7e7c1e-3b0a-4a57-9b43-0d8f1f5f7a11',
  kind: 'TIER_SYNC' as const,
  primaryCustomerId: 566998132,
  attempt: 0,
  trigger: {
    eventId: 'fac88937-7740-48a3-b34e-fcfedb1f57a0',
    eventName: 'tierUpgraded',
    action: 'UPGRADE' as const,
    occurredAt: 1,
  },
};

describe(buildAdjustmentRequest.name, () => {
  const target = { number: 2, name: 'Gold' };

  it('builds the vendor recipe body by default, and a valid one', () => {
    const body = buildAdjustmentRequest(
      { programId: 973, action: 'UPGRADE', target, reason: 'r' },
      { validity: strategy, renewalAction: 'RENEWAL' },
    );
    expect(body).toEqual({
      programId: 973,
      slabAction: 'UPGRADE',
      toSlabName: 'Gold',
      manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
      slabChangeReason: 'r',
    });
    expect(slabAdjustmentProblems(body)).toEqual([]);
  });

  it('renews without a slab name, with the configured renewal action', () => {
    const body = buildAdjustmentRequest(
      { programId: 973, action: 'RENEWAL', target, reason: 'r' },
      { validity: strategy, renewalAction: 'EXTEND_CURRENT_TIER_EXPIRY_DATE' },
    );
    expect(body.slabAction).toBe('EXTEND_CURRENT_TIER_EXPIRY_DATE');
    expect(body).not.toHaveProperty('toSlabName');
  });

  it('sends reassessTierOnNextActivity when configured', () => {
    const body = buildAdjustmentRequest(
      { programId: 973, action: 'DOWNGRADE', target, reason: 'r' },
      { validity: { ...strategy, reassessOnNextActivity: true }, renewalAction: 'RENEWAL' },
    );
    expect(body).toMatchObject({
      slabAction: 'DOWNGRADE',
      toSlabName: 'Gold',
      reassessTierOnNextActivity: true,
    });
  });
});

describe(validityOf.name, () => {
  it.each([
    [{ ...strategy }, undefined, { manualSlabActionValidity: 'AS_PER_TIER_STRATEGY' }],
    [
      { ...strategy, kind: 'CURRENT_TIER_EXPIRY_DATE' },
      undefined,
      { manualSlabActionValidity: 'CURRENT_TIER_EXPIRY_DATE' },
    ],
    [
      { ...strategy, kind: 'FIXED_DURATION', upto: '30' },
      undefined,
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '30' },
    ],
    [
      { ...strategy, kind: 'SPECIFIC_DATE', upto: '2027-01-31' },
      undefined,
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2027-01-31' },
    ],
    [
      { ...strategy, alignToPrimary: true },
      '2026-08-19T23:59:59+05:30',
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2026-08-19' },
    ],
    [
      { ...strategy, kind: 'FIXED_DURATION', upto: '30', alignToPrimary: true },
      '2026-08-19',
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2026-08-19' },
    ],
    [
      { ...strategy, kind: 'FIXED_DURATION', upto: '30', alignToPrimary: true },
      '19th Aug, 2026',
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '30' },
    ],
    [{ ...strategy, alignToPrimary: true }, undefined, { manualSlabActionValidity: 'AS_PER_TIER_STRATEGY' }],
  ] as [ValidityPolicy, string | undefined, object][])(
    '%j with primary expiry %s',
    (policy, expiry, expected) => {
      expect(validityOf(policy, expiry)).toEqual(expected);
    },
  );

  it('reads the calendar date of ISO date-times only', () => {
    expect(calendarDateOf('2026-08-19 10:00:00')).toBe('2026-08-19');
    expect(calendarDateOf('2026-08-19x')).toBeUndefined();
    expect(calendarDateOf(undefined)).toBeUndefined();
  });
});

describe(buildReason.name, () => {
  it('names the action, target, primary, event and command', () => {
    expect(buildReason('tiersync', command, 'UPGRADE', { number: 2, name: 'Gold' })).toBe(
      'tiersync UPGRADE to Gold, primary 566998132, event tierUpgraded fac88937-7740-48a3-b34e-fcfedb1f57a0, ' +
        'command 0b7e7c1e-3b0a-4a57-9b43-0d8f1f5f7a11',
    );
  });

  it('names the kind for commands without an event, and the attempt of a retry', () => {
    const reason = buildReason(
      'ts',
      testCommand({
        commandId: command.commandId,
        primaryCustomerId: 566998132,
        kind: 'JOIN_SYNC',
        attempt: 2,
        trigger: { action: 'JOIN', occurredAt: 1 },
      }),
      'DOWNGRADE',
      { number: 1 },
    );
    expect(reason).toBe(
      `ts DOWNGRADE to tier 1, primary 566998132, join_sync join, command ${command.commandId}, attempt 3`,
    );
  });

  it('is cut to 255 characters', () => {
    const reason = buildReason('x'.repeat(300), command, 'UPGRADE', { number: 2, name: 'Gold' });
    expect(reason).toHaveLength(255);
  });
});
