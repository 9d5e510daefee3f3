import { envelope, simCall, useSim } from '../../test/sim-http';
import { DEMO_PROGRAM_ID } from '../demo-seed';
import { addDays, addMonths, humanDate, isoDay } from '../sim-dates';
import { SIM_INVALID_INPUT } from '../sim-error';
import { manualSlabAdjustment } from './slab-adjustment.handler';

const SECONDARY = 567219877;
const PRIMARY = 566998132;
const FRAUD = 567300002;
const query = (id: string | number, extra = '') =>
  `/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=id&identifierValue=${id}${extra}`;
const upgrade = (patch: Record<string, unknown> = {}) => ({
  programId: DEMO_PROGRAM_ID,
  slabAction: 'UPGRADE',
  toSlabName: 'Gold',
  manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
  ...patch,
});

describe(manualSlabAdjustment.name, () => {
  const ctx = useSim();

  const post = (path: string, body: unknown) => simCall(ctx.sim, 'POST', path, body);

  it('upgrades with FIXED_DURATION (day of change = day 0) and answers the documented shape', async () => {
    const answer = await post(
      query(SECONDARY),
      upgrade({ manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '20' }),
    );

    const expiry = addDays(isoDay(Date.now()), 20);
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.body).toEqual({
      programId: DEMO_PROGRAM_ID,
      entityId: SECONDARY,
      sideEffects: [
        {
          entityType: 'USER',
          previousSlabName: 'Silver',
          previousSlabNumber: 1,
          upgradedSlabName: 'Gold',
          upgradedSlabNumber: 2,
          slabExpiryDate: humanDate(expiry),
          type: 'slab',
        },
      ],
      warnings: [],
    });
    expect(ctx.sim.control.tierOf(SECONDARY, DEMO_PROGRAM_ID)).toMatchObject({
      tierNumber: 2,
      expiryDate: expiry,
    });
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    [
      'DOWNGRADE, SPECIFIC_DATE',
      {
        slabAction: 'DOWNGRADE',
        toSlabName: 'silver',
        manualSlabActionValidity: 'SPECIFIC_DATE',
        manualSlabActionValidityUpto: '2027-04-20',
      },
      1,
      '2027-04-20',
    ],
    [
      'SPECIFIC_DATE with a time',
      {
        slabAction: 'DOWNGRADE',
        toSlabName: 'Silver',
        manualSlabActionValidity: 'SPECIFIC_DATE',
        manualSlabActionValidityUpto: '2027-04-20 10:00:00',
      },
      1,
      '2027-04-20',
    ],
    [
      'RENEWAL keeps the tier, CURRENT_TIER_EXPIRY_DATE keeps the date',
      { slabAction: 'RENEWAL', manualSlabActionValidity: 'CURRENT_TIER_EXPIRY_DATE' },
      2,
      '2026-08-19',
    ],
    [
      'EXTEND by FIXED_DURATION counts from the current expiry',
      {
        slabAction: 'EXTEND_CURRENT_TIER_EXPIRY_DATE',
        manualSlabActionValidity: 'FIXED_DURATION',
        manualSlabActionValidityUpto: 10,
      },
      2,
      '2026-08-29',
    ],
  ])('%s', async (_, patch, tierNumber, expiryDate) => {
    const answer = await post(query(PRIMARY), upgrade(patch));

    expect(answer.status).toBe(200);
    expect(ctx.sim.control.tierOf(PRIMARY, DEMO_PROGRAM_ID)).toMatchObject({ tierNumber, expiryDate });
  });

  it('AS_PER_TIER_STRATEGY applies the program validity', async () => {
    await post(query(SECONDARY), upgrade());

    expect(ctx.sim.control.tierOf(SECONDARY, DEMO_PROGRAM_ID).expiryDate).toBe(
      addMonths(isoDay(Date.now()), 12),
    );
  });

  it('finds customers by mobile and externalId', async () => {
    const byMobile = await post(
      '/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=mobile&identifierValue=9198567219877',
      upgrade(),
    );
    const byExternal = await post(
      '/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=externalId&identifierValue=ext_567219877',
      upgrade({ toSlabName: 'Platinum' }),
    );

    expect([byMobile.status, byExternal.status]).toEqual([200, 200]);
    expect(ctx.sim.control.tierOf(SECONDARY, DEMO_PROGRAM_ID).tierNumber).toBe(3);
  });

  it('type=USERGROUP2 adjusts the group tier and fires no event', async () => {
    const answer = await post(query(3918893, '&type=USERGROUP2'), upgrade({ toSlabName: 'Platinum' }));

    expect(answer.body).toMatchObject({
      entityId: 3918893,
      sideEffects: [{ entityType: 'USERGROUP2', upgradedSlabNumber: 3 }],
    });
    expect(ctx.sim.control.state().groups[0]?.tiers[0]?.tierNumber).toBe(3);
    expect(ctx.sim.control.emittedEvents()).toEqual([]);
  });

  it.each<[string, string, unknown, number]>([
    ['non-numeric id', query('abc'), upgrade(), 11030],
    ['unknown customer', query(111), upgrade(), 8015],
    ['unknown program', query(SECONDARY), upgrade({ programId: 1 }), 1101],
    ['missing slabAction', query(SECONDARY), upgrade({ slabAction: undefined }), 8917],
    ['unknown slabAction', query(SECONDARY), upgrade({ slabAction: 'PROMOTE' }), 8917],
    ['missing validity', query(SECONDARY), upgrade({ manualSlabActionValidity: undefined }), 8920],
    [
      'FIXED_DURATION without days',
      query(SECONDARY),
      upgrade({ manualSlabActionValidity: 'FIXED_DURATION' }),
      8921,
    ],
    [
      'FIXED_DURATION with text',
      query(SECONDARY),
      upgrade({ manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: '2w' }),
      8921,
    ],
    [
      'SPECIFIC_DATE with a bad date',
      query(SECONDARY),
      upgrade({ manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '2025-02-30' }),
      8921,
    ],
    ['UPGRADE without toSlabName', query(SECONDARY), upgrade({ toSlabName: undefined }), 8923],
    ['unknown slab', query(SECONDARY), upgrade({ toSlabName: 'Diamond' }), 8923],
    ['a DRAFT slab', query(SECONDARY), upgrade({ toSlabName: 'Platinum Plus' }), 8923],
    ['UPGRADE to the current tier', query(PRIMARY), upgrade(), 8925],
    ['UPGRADE to a lower tier', query(PRIMARY), upgrade({ toSlabName: 'Silver' }), 8925],
    ['DOWNGRADE to a higher tier', query(SECONDARY), upgrade({ slabAction: 'DOWNGRADE' }), 8925],
    ['a customer flagged for fraud', query(FRAUD), upgrade(), 3045],
    [
      'a missing source',
      '/v2/slab/manualSlabAdjustment?identifierName=id&identifierValue=1',
      upgrade(),
      SIM_INVALID_INPUT,
    ],
    [
      'an unknown identifierName',
      '/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=card&identifierValue=1',
      upgrade(),
      SIM_INVALID_INPUT,
    ],
    [
      'a 256-character reason',
      query(SECONDARY),
      upgrade({ slabChangeReason: 'x'.repeat(256) }),
      SIM_INVALID_INPUT,
    ],
    ['a body that is not JSON', query(SECONDARY), '{programId', SIM_INVALID_INPUT],
  ])('rejects %s with 400 and its code', async (_, path, body, code) => {
    const answer = await post(path, body);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(envelope(code));
    expect(ctx.sim.control.emittedEvents()).toEqual([]);
  });
});
