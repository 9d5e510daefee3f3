import { CapillaryApiError, type UserGroup } from '@tiersync/capillary-client';
import { CheckList } from './check-list';
import { locateGroup, type LocationDeps } from './group-location.check';

const group = (id: number, primary: number): UserGroup => ({
  id,
  groupName: `Family ${id}`,
  groupStatus: 'ACTIVE',
  primaryUserId: primary,
  members: [{ userId: primary, primaryMember: true, active: true, defaultGroup: true }],
  pointsSummaries: [],
});

function deps(
  lookup: () => Promise<UserGroup | null>,
  byId: UserGroup,
  extra: Partial<LocationDeps['client']> = {},
): LocationDeps {
  return {
    client: {
      findGroupLedBy: lookup,
      getGroup: () => Promise.resolve(byId),
      primaryLookupRejection: undefined,
      ...extra,
    },
    searchLookup: () => Promise.reject(new Error('search down')),
  };
}

async function fails(customerId: number, groupId: number | undefined, sut: LocationDeps) {
  const checks = new CheckList();
  await locateGroup(customerId, groupId, sut, checks);
  return checks.checks.filter((c) => c.verdict === 'fail').map((c) => c.message);
}

describe(locateGroup.name, () => {
  it('FAILs on a lookup that throws, naming the error', async () => {
    const down = CapillaryApiError.validation('boom');
    expect(
      await fails(
        1,
        undefined,
        deps(() => Promise.reject(down), group(7, 1)),
      ),
    ).toEqual(['group lookup for customer 1 failed: boom']);
  });

  it('FAILs when the lookup returns a group whose read by id shows another primary', async () => {
    expect(
      await fails(
        1,
        undefined,
        deps(() => Promise.resolve(group(7, 1)), group(7, 2)),
      ),
    ).toEqual([
      'GET /v2/userGroup2?id=7 does not show customer 1 as its active primary (its active primary is 2), yet ' +
        'GET /v2/userGroup2?primaryUserId=1 returned it: the two reads contradict each other',
    ]);
  });

  it('says when the group search, which the router uses after a refusal, misses a group the customer leads', async () => {
    const refused = new CapillaryApiError('refused', { kind: 'api', retryable: false, status: 403 });
    const sut = deps(() => Promise.resolve(null), group(7, 1), { primaryLookupRejection: refused });
    expect(await fails(1, 7, sut)).toEqual([
      expect.stringMatching(/^the group search finds no group for customer 1 but GET \/v2\/userGroup2\?id=7/),
    ]);
  });

  it('names a failed group search in the primaryUserId contradiction', async () => {
    const [message] = await fails(
      1,
      7,
      deps(() => Promise.resolve(null), group(7, 1)),
    );
    expect(message).toMatch(
      /finds no group \(1632\) but .* \(CAPILLARY_GROUP_LOOKUP=search for tier-sync\) failed: search down$/,
    );
  });
});
