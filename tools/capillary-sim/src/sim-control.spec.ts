import { basicHeader, envelope, simCall, useSim } from '../test/sim-http';
import { DEMO_PROGRAM_ID } from './demo-seed';
import { SimControl } from './sim-control';

const auth = basicHeader('till', 'pw');

describe(SimControl.name, () => {
  const ctx = useSim({ auth: { username: 'till', password: 'pw' } });

  const get = (path: string) => simCall(ctx.sim, 'GET', path, undefined, auth);
  const control = (method: string, path: string, body?: unknown) =>
    simCall(ctx.sim, method, `/__sim${path}`, body);

  it('changes tiers by activity, adds and removes members, and shows state, calls and events', async () => {
    expect(
      (
        await control('POST', '/activity', {
          customerId: 566998132,
          programId: DEMO_PROGRAM_ID,
          tier: 'Platinum',
        })
      ).status,
    ).toBe(200);
    expect((await control('POST', '/groups/3918894/members', { customerId: 570000001 })).status).toBe(200);
    expect((await control('DELETE', '/groups/3918894/members/566998202')).status).toBe(200);
    await get('/v2/userGroup2?id=3918894');

    const state = (await control('GET', '/state')).body as {
      groups: { groupId: number; members: { customerId: number; active: boolean }[] }[];
    };
    const family2 = state.groups.find((g) => g.groupId === 3918894);
    expect(family2?.members.map((m) => [m.customerId, m.active])).toEqual([
      [566998200, true],
      [566998201, true],
      [566998202, false],
      [570000001, true],
    ]);
    const events = (await control('GET', '/webhooks')).body as { emitted: { eventName: string }[] };
    expect(events.emitted.map((e) => e.eventName)).toEqual([
      'tierUpgraded',
      'groupMemberAdded',
      'groupMemberRemoved',
    ]);
    const calls = (await control('GET', '/calls')).body as { path: string; status: number }[];
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v2/userGroup2',
        query: { id: '3918894' },
        status: 200,
      }),
    ]);
    expect((await control('DELETE', '/calls')).status).toBe(200);
    expect((await control('GET', '/calls')).body).toEqual([]);
  });

  it('sets faults and customer status at run time', async () => {
    await control('PUT', '/faults', { endpoints: { tiers: { rate521: 1, retryAfter: '4' } } });
    await control('PUT', '/customers/567219877/status', { status: 'FRAUD_CONFIRMED' });

    const tiers = await get('/v3/tiers?programId=973');
    expect(tiers.status).toBe(521);
    expect(tiers.headers.get('retry-after')).toBe('4');
    expect((await control('GET', '/faults')).body).toEqual({
      endpoints: { tiers: { rate521: 1, retryAfter: '4' } },
    });
    const adjust = await simCall(
      ctx.sim,
      'POST',
      '/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=id&identifierValue=567219877',
      {
        programId: DEMO_PROGRAM_ID,
        slabAction: 'UPGRADE',
        toSlabName: 'Gold',
        manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
      },
      auth,
    );
    expect(adjust.body).toEqual(envelope(3045));
  });

  it('carries out an adjustment and then loses its answer: a 5xx, or a dropped connection', async () => {
    const adjust = (customerId: number) =>
      simCall(
        ctx.sim,
        'POST',
        `/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=id&identifierValue=${customerId}`,
        {
          programId: DEMO_PROGRAM_ID,
          slabAction: 'UPGRADE',
          toSlabName: 'Platinum',
          manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
        },
        auth,
      );
    ctx.sim.control.setFaults({
      endpoints: { manualSlabAdjustment: { rateLostAnswer: 1, lostAnswerAs: 502 } },
    });
    expect((await adjust(566998201)).status).toBe(502);
    ctx.sim.control.setFaults({
      endpoints: { manualSlabAdjustment: { rateLostAnswer: 1, lostAnswerAs: 'reset' } },
    });
    await expect(adjust(567219877)).rejects.toThrow();
    // A refusal is not carried out, so it goes out as it is.
    expect((await adjust(566998201)).body).toEqual(envelope(8925));

    expect(ctx.sim.control.tierOf(566998201, DEMO_PROGRAM_ID).tierNumber).toBe(3);
    expect(ctx.sim.control.tierOf(567219877, DEMO_PROGRAM_ID).tierNumber).toBe(3);
    const calls = ctx.sim.control.calls({ endpoint: 'manualSlabAdjustment' });
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [502, 'lost-answer'],
      [0, 'lost-answer'],
      [400, undefined],
    ]);
  });

  it('answers 400 for impossible control requests and 404 with the list of endpoints', async () => {
    expect(await control('POST', '/groups/3918893/members', { customerId: 567219877 })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('already') as unknown },
    });
    expect(
      await control('POST', '/activity', { customerId: 1, programId: DEMO_PROGRAM_ID, tier: 1 }),
    ).toMatchObject({ status: 400 });
    expect(
      await control('POST', '/activity', {
        customerId: 567219877,
        programId: DEMO_PROGRAM_ID,
        tier: 'Platinum Plus',
      }),
    ).toMatchObject({ status: 400 });
    const unknown = await control('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { endpoints: string[] }).endpoints).toContain('POST /__sim/activity');
  });

  it('reset restores the seed', async () => {
    await control('POST', '/activity', { customerId: 566998132, programId: DEMO_PROGRAM_ID, tier: 1 });
    await control('POST', '/reset');

    expect(ctx.sim.control.tierOf(566998132, DEMO_PROGRAM_ID).tierNumber).toBe(2);
    expect(ctx.sim.control.emittedEvents()).toEqual([]);
  });
});
