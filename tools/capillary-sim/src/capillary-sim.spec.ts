import { basicHeader, envelope, simCall, useSim } from '../test/sim-http';
import { startCapillarySim } from './capillary-sim';
import { DEMO_PROGRAM_ID } from './demo-seed';

describe(startCapillarySim.name, () => {
  const ctx = useSim({ auth: { username: 'till', password: 'pw' } });
  const auth = basicHeader('till', 'pw');

  const get = (path: string) => simCall(ctx.sim, 'GET', path, undefined, auth);

  describe('auth', () => {
    it('answers 401 with the envelope for missing or wrong Basic credentials', async () => {
      const missing = await simCall(ctx.sim, 'GET', '/v2/userGroup2?id=3918893');
      const wrong = await simCall(
        ctx.sim,
        'GET',
        '/v2/userGroup2?id=3918893',
        undefined,
        basicHeader('till', 'nope'),
      );

      expect([missing.status, wrong.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(envelope(401));
      expect((await get('/v2/userGroup2?id=3918893')).status).toBe(200);
    });

    it('issues OAuth tokens, accepts them and refuses them once expired', async () => {
      const oauth = await startCapillarySim({
        auth: { oauthKey: 'k', oauthSecret: 's' },
        behaviour: { tokenTtlSeconds: 120 },
      });
      try {
        const refused = await simCall(oauth, 'POST', '/v3/oauth/token/generate', { key: 'k', secret: 'x' });
        const token = await simCall(oauth, 'POST', '/v3/oauth/token/generate', { key: 'k', secret: 's' });
        const data = (token.body as { data: { accessToken: string; ttlSeconds: number } }).data;
        const withToken = () =>
          simCall(oauth, 'GET', '/v3/tiers?programId=973', undefined, {
            'X-CAP-API-OAUTH-TOKEN': data.accessToken,
          });

        expect(refused.status).toBe(401);
        expect(token.body).toEqual({
          data: { accessToken: expect.any(String) as unknown, ttlSeconds: 120 },
          errors: null,
        });
        expect((await withToken()).status).toBe(200);
        oauth.control.expireTokens();
        expect((await withToken()).status).toBe(401);
      } finally {
        await oauth.stop();
      }
    });
  });

  describe('GET /v2/userGroup2', () => {
    it('finds a group by id, externalId and primaryUserId with the documented fields', async () => {
      const byId = await get('/v2/userGroup2?id=3918893');
      const byExternal = await get('/v2/userGroup2?externalId=fam_1');
      const byPrimary = await get('/v2/userGroup2?primaryUserId=566998132');

      expect(byExternal.body).toEqual(byId.body);
      expect(byPrimary.body).toEqual(byId.body);
      expect(byId.body).toMatchObject({
        id: 3918893,
        groupStatus: 'ACTIVE',
        totalActiveMembers: 4,
        totalExitedMembers: 1,
        fleetGroupUsers: expect.arrayContaining([
          { userId: 564662499, groupId: 3918893, defaultGroup: false, primaryMember: false, active: false },
        ]) as unknown,
        pointsSummaries: [
          {
            programId: DEMO_PROGRAM_ID,
            userGroup2Id: 3918893,
            currentSlab: 'Gold',
            slabSNo: 2,
            slabExpiryDate: '2026-08-19T23:59:59Z',
          },
        ],
        warnings: [],
      });
    });

    it.each([
      ['/v2/userGroup2?id=1', 1619],
      ['/v2/userGroup2?id=abc', 1619],
      ['/v2/userGroup2?externalId=nope', 1632],
      ['/v2/userGroup2?primaryUserId=567219877', 1632],
      ['/v2/userGroup2', 1632],
    ])('%s -> %p', async (path, code) => {
      const answer = await get(path);

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(envelope(code));
    });

    it.each([
      ['rejected-1619', 400, 1619],
      ['rejected-1632', 400, 1632],
      ['rejected-403', 403, 9999],
    ] as const)('primaryUserIdLookup %s refuses even the primary: %p %p', async (mode, status, code) => {
      ctx.sim.control.setBehaviour({ primaryUserIdLookup: mode });

      const answer = await get('/v2/userGroup2?primaryUserId=566998132');

      expect([answer.status, answer.body]).toEqual([status, envelope(code)]);
      expect((await get('/v2/userGroup2?id=3918893')).status).toBe(200);
    });

    it('groupRowsLimit cuts fleetGroupUsers and keeps the totals', async () => {
      ctx.sim.control.setBehaviour({ groupRowsLimit: 2 });

      const body = (await get('/v2/userGroup2?id=3918893')).body as Record<string, unknown>;

      expect(body['fleetGroupUsers']).toHaveLength(2);
      expect([body['totalActiveMembers'], body['totalExitedMembers']]).toEqual([4, 1]);
    });
  });

  describe('GET /v2/userGroup2/members', () => {
    const members = '/v2/userGroup2/members?source=INSTORE&identifierName=id&identifierValue=3918893';

    it('pages with pagination fields, primary first, inActive true = active', async () => {
      const answer = await get(
        `${members}&paginationDetails=true&limit=2&offset=0&sortBy=IS_PRIMARY&sortOrder=DESC`,
      );

      expect(answer.body).toEqual({
        data: [
          expect.objectContaining({
            fleetUserId: 566998132,
            role: 'PRIMARY',
            primaryMember: true,
            inActive: true,
          }),
          expect.objectContaining({ role: 'SECONDARY', primaryMember: false, inActive: true }),
        ],
        pagination: { limit: 2, offset: 0, sortBy: 'IS_PRIMARY', sortOrder: 'DESC', total: 5 },
        warnings: [],
      });
      const all = (await get(members)).body as { data: { fleetUserId: number; inActive: boolean }[] };
      expect(all.data.find((m) => m.fleetUserId === 564662499)?.inActive).toBe(false);
      expect(all).not.toHaveProperty('pagination');
    });

    it.each([
      ['true-is-active', 'listed', true, false],
      ['true-is-inactive', 'listed', false, true],
      ['true-is-active', 'omitted', true, undefined],
      ['true-is-inactive', 'omitted', false, undefined],
    ] as const)('membersInActive %s, exited %s', async (reading, exited, primaryInActive, exitedInActive) => {
      ctx.sim.control.setBehaviour({ membersInActive: reading, membersExited: exited });

      const { data } = (await get(members)).body as { data: { fleetUserId: number; inActive: boolean }[] };

      expect(data.find((m) => m.fleetUserId === 566998132)?.inActive).toBe(primaryInActive);
      expect(data.find((m) => m.fleetUserId === 564662499)?.inActive).toBe(exitedInActive);
      expect(data).toHaveLength(exited === 'listed' ? 5 : 4);
    });

    it.each([
      ['/v2/userGroup2/members?identifierName=id&identifierValue=3918893', 9999],
      ['/v2/userGroup2/members?source=INSTORE&identifierName=externalId&identifierValue=fam_1', 9999],
      ['/v2/userGroup2/members?source=INSTORE&identifierName=id&identifierValue=1', 1619],
    ])('%s -> %p', async (path, code) => {
      expect((await get(path)).body).toEqual(envelope(code));
    });
  });

  it('searches groups by name, external id and the primary’s mobile or email', async () => {
    const ids = async (q: string) =>
      (
        (await get(`/v2/userGroup2/search?q=${encodeURIComponent(q)}`)).body as {
          data: { groupId: number }[];
        }
      ).data.map((g) => g.groupId);

    expect(await ids('family')).toEqual([3918893, 3918894]);
    expect(await ids('fam_2')).toEqual([3918894]);
    expect(await ids('9198566998132')).toEqual([3918893]);
    expect(await ids('pia@example.com')).toEqual([3918893]);
    expect(await ids('sam@example.com')).toEqual([]);
  });

  it('GET /v2/customers/{id} embeds loyaltyProgramDetails only with embed=mlp', async () => {
    const plain = await get('/v2/customers/567219877?source=INSTORE');
    const mlp = await get('/v2/customers/567219877?source=INSTORE&embed=mlp');

    expect(plain.body).not.toHaveProperty('loyaltyProgramDetails');
    expect(plain.body).toMatchObject({
      id: 567219877,
      profiles: [
        { identifiers: expect.arrayContaining([{ type: 'mobile', value: '9198567219877' }]) as unknown },
      ],
    });
    expect(mlp.body).toMatchObject({
      loyaltyProgramDetails: [
        {
          programId: DEMO_PROGRAM_ID,
          currentSlab: 'Silver',
          slabSNo: 1,
          nextSlab: 'Gold',
          nextSlabSerialNumber: 2,
        },
        { programId: 2834 },
      ],
    });
    expect(await get('/v2/customers/111')).toMatchObject({ status: 404, body: envelope(8015) });
  });

  it('GET /v3/tiers lists every version, drafts included', async () => {
    const answer = await get('/v3/tiers?programId=973');

    expect(
      (answer.body as { data: { tiers: { name: string; status: string }[] } }).data.tiers.map(
        (t) => `${t.name}:${t.status}`,
      ),
    ).toEqual(['Silver:LIVE', 'Gold:LIVE', 'Platinum:LIVE', 'Platinum Plus:DRAFT']);
    expect((await get('/v3/tiers?programId=1')).body).toEqual(envelope(1101));
  });

  it('answers an unknown API path with 404 and logs it', async () => {
    expect(await get('/v2/nothing')).toMatchObject({ status: 404, body: envelope(404) });
    expect(ctx.sim.control.calls()).toEqual([
      expect.objectContaining({ path: '/v2/nothing', status: 404, code: 404 }),
    ]);
  });

  it('logs the till each request authenticates as, also when its password is wrong', async () => {
    await get('/v3/tiers?programId=973');
    await simCall(ctx.sim, 'GET', '/v3/tiers?programId=973', undefined, basicHeader('other.till', 'nope'));
    await simCall(ctx.sim, 'GET', '/v3/tiers?programId=973');

    expect(ctx.sim.control.calls().map((call) => [call.caller, call.status])).toEqual([
      ['till', 200],
      ['other.till', 401],
      [undefined, 401],
    ]);
  });
});
