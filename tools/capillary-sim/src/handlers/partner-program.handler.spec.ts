import { envelope, simCall, useSim } from '../../test/sim-http';
import { updatePartnerPrograms } from './partner-program.handler';

describe(updatePartnerPrograms.name, () => {
  const ctx = useSim();

  const update = (
    customer: Record<string, unknown>,
    details: Record<string, unknown> = { updatedTierName: 'Gold' },
    extra: Record<string, unknown> = {},
  ) => ({
    customer,
    partnerProgramUpdates: [
      { partnerProgramName: 'Apparel-Partner', updateType: 'UPGRADE', updateDetails: details, ...extra },
    ],
  });
  const post = (customersPartnerUpdates: unknown[]) =>
    simCall(ctx.sim, 'POST', '/v2/partnerProgram/customerPartnerProgramUpdate', { customersPartnerUpdates });
  const codes = (body: unknown) =>
    (
      body as { customersPartnerUpdates: { partnerProgramUpdates: { updateStatus: { code: number } }[] }[] }
    ).customersPartnerUpdates.map((c) => c.partnerProgramUpdates[0]?.updateStatus.code);

  it('answers a status per customer and per program (2002-2009)', async () => {
    const answer = await post([
      update({ mobile: '9198567219877' }),
      update({ id: 564662499 }),
      update({ id: 567219877 }, { updatedTierName: 'Titan' }),
      update({ id: 567219877 }, { updatedTierName: 'Gold', updatedTierExpiryDate: '2020-01-01T00:00:00Z' }),
      update({ id: 567219877 }, {}),
      update({ id: 567219877 }, undefined, { partnerProgramName: 'Nope' }),
      update({ id: 567219877 }, undefined, { updateType: 'BOOST' }),
      update({ id: 567219877 }, undefined, { updateType: 'MEMBERSHIP_RELINKING_CANCELLED' }),
    ]);

    expect(answer.status).toBe(200);
    expect(codes(answer.body)).toEqual([200, 2004, 2007, 2003, 2002, 2006, 2009, 2026]);
    expect((answer.body as { customersPartnerUpdates: unknown[] }).customersPartnerUpdates[0]).toMatchObject({
      customer: { id: 567219877, mobile: '9198567219877', status: { status: true, code: 1000 } },
    });
    expect(
      ctx.sim.control.state().customers.find((c) => c.customerId === 567219877)?.partnerLinks[0]?.tierName,
    ).toBe('Gold');
  });

  it('fires partnerProgramUpdated with the tier number only, as documented (no tier name)', async () => {
    await post([update({ id: 567219877 })]);

    const [event] = ctx.sim.control.emittedEvents();
    expect(event).toMatchObject({
      eventName: 'partnerProgramUpdated',
      data: {
        partnerProgramId: 101,
        partnerProgramName: 'Apparel-Partner',
        updateType: 'UPGRADE',
        customerPartnerProgramDetails: { partnerTierNumber: 2, membershipNumber: 'AP-2' },
      },
    });
    expect(JSON.stringify(event)).not.toContain('partnerTierName');
  });

  it('refuses more than 50 customers with 2008', async () => {
    const answer = await post(Array.from({ length: 51 }, () => update({ id: 567219877 })));

    expect(answer).toMatchObject({ status: 400, body: envelope(2008) });
  });
});
