import { CapillaryApiError } from './capillary-api.error';
import { type ManualSlabAdjustmentRequest } from './slab-adjustment.types';
import { isCalendarDate, slabAdjustmentProblems, validateSlabAdjustment } from './slab-adjustment.validation';

const valid: ManualSlabAdjustmentRequest = {
  programId: 973,
  slabAction: 'UPGRADE',
  toSlabName: 'Gold',
  manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
};

describe(validateSlabAdjustment.name, () => {
  it.each<[string, Partial<ManualSlabAdjustmentRequest>]>([
    ['UPGRADE without validityUpto (vendor sync example)', {}],
    ['DOWNGRADE with a name', { slabAction: 'DOWNGRADE', toSlabName: 'Silver' }],
    ['RENEWAL without a name', { slabAction: 'RENEWAL', toSlabName: undefined }],
    ['EXTEND without a name', { slabAction: 'EXTEND_CURRENT_TIER_EXPIRY_DATE', toSlabName: undefined }],
    [
      'FIXED_DURATION as a string',
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '20' },
    ],
    [
      'FIXED_DURATION as a number',
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: 15 },
    ],
    [
      'SPECIFIC_DATE',
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2025-04-20' },
    ],
    ['CURRENT_TIER_EXPIRY_DATE', { manualSlabActionValidity: 'CURRENT_TIER_EXPIRY_DATE' }],
    ['a 255-character reason', { slabChangeReason: 'r'.repeat(255) }],
  ])('accepts %s', (_, patch) => {
    expect(() => {
      validateSlabAdjustment({ ...valid, ...patch });
    }).not.toThrow();
  });

  it.each<[string, Partial<ManualSlabAdjustmentRequest>, string]>([
    ['UPGRADE without toSlabName', { toSlabName: undefined }, 'toSlabName is required for UPGRADE'],
    [
      'DOWNGRADE with a blank name',
      { slabAction: 'DOWNGRADE', toSlabName: ' ' },
      'toSlabName is required for DOWNGRADE',
    ],
    [
      'FIXED_DURATION without days',
      { manualSlabActionValidity: 'FIXED_DURATION' },
      'manualSlabActionValidityUpto must be a whole number of days',
    ],
    [
      'FIXED_DURATION with fractional days',
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: 1.5 },
      'whole number of days',
    ],
    [
      'FIXED_DURATION with a date',
      { manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '2025-04-20' },
      'whole number of days',
    ],
    [
      'SPECIFIC_DATE with days',
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '20' },
      'must be a YYYY-MM-DD date',
    ],
    [
      'SPECIFIC_DATE with an impossible date',
      { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2025-02-30' },
      'must be a YYYY-MM-DD date',
    ],
    ['a 256-character reason', { slabChangeReason: 'r'.repeat(256) }, 'at most 255 characters'],
    ['a non-integer programId', { programId: 9.5 }, 'programId must be a positive integer'],
    [
      'an unknown action',
      { slabAction: 'PROMOTE' as ManualSlabAdjustmentRequest['slabAction'] },
      'slabAction must be one of',
    ],
    [
      'an unknown validity',
      { manualSlabActionValidity: 'FOREVER' as ManualSlabAdjustmentRequest['manualSlabActionValidity'] },
      'manualSlabActionValidity must be one of',
    ],
  ])('rejects %s', (_, patch, message) => {
    const run = () => {
      validateSlabAdjustment({ ...valid, ...patch });
    };

    expect(run).toThrow(CapillaryApiError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'validation', retryable: false });
    }
  });

  it('lists every problem at once', () => {
    expect(
      slabAdjustmentProblems({ ...valid, programId: 0, toSlabName: '', slabChangeReason: 'x'.repeat(300) }),
    ).toHaveLength(3);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-4-20', false],
    [20250420, false],
  ])('isCalendarDate(%p) = %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
