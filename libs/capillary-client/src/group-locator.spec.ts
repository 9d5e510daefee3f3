import { useSimClient } from '../test/sim-client';
import { GroupLocator } from './group-locator';

const PRIMARY = 566998132;
const SECONDARY = 567219877;

describe(GroupLocator.name, () => {
  const harness = useSimClient();

  const paths = () => harness.sim.control.calls().map((c) => `${c.endpoint ?? ''} ${c.status ?? ''}`);

  it('uses GET /v2/userGroup2?primaryUserId= and reads 1632 as "leads no group"', async () => {
    const client = harness.client();

    await expect(client.findGroupLedBy(PRIMARY)).resolves.toMatchObject({
      id: 3918893,
      primaryUserId: PRIMARY,
    });
    await expect(client.findGroupLedBy(SECONDARY)).resolves.toBeNull();

    expect(harness.sim.control.calls().map((c) => c.query)).toEqual([
      { primaryUserId: String(PRIMARY) },
      { primaryUserId: String(SECONDARY) },
    ]);
  });

  it('returns null once the primary has left the group', async () => {
    harness.sim.control.removeMember(3918893, PRIMARY);

    await expect(harness.client().findGroupLedBy(PRIMARY)).resolves.toBeNull();
  });

  it.each([
    ['rejected-1619', 400],
    ['rejected-403', 403],
  ] as const)('falls back for good to customer + search when the server answers %s', async (mode, status) => {
    harness.sim.control.setBehaviour({ primaryUserIdLookup: mode });
    const client = harness.client();

    await expect(client.findGroupLedBy(PRIMARY)).resolves.toMatchObject({ id: 3918893 });
    await expect(client.findGroupLedBy(566998200)).resolves.toMatchObject({ id: 3918894 });
    expect(client.primaryLookupRejection).toMatchObject({ status });

    expect(paths()).toEqual([
      `userGroup2 ${status}`,
      'customers 200',
      'userGroup2Search 200',
      'userGroup2 200',
      'customers 200',
      'userGroup2Search 200',
      'userGroup2 200',
    ]);
  });

  it('cannot tell a server answering 1632 to every primaryUserId from "leads no group" (tier-sync cross-checks)', async () => {
    harness.sim.control.setBehaviour({ primaryUserIdLookup: 'rejected-1632' });
    const client = harness.client();

    await expect(client.findGroupLedBy(PRIMARY)).resolves.toBeNull();
    await expect(client.findGroupLedBy(PRIMARY)).resolves.toBeNull();
    expect(paths()).toEqual(['userGroup2 400', 'userGroup2 400']);
    expect(client.primaryLookupRejection).toBeUndefined();
  });

  it('search mode finds nothing for a secondary, a loner or an unknown customer', async () => {
    const client = harness.client({ groupLookup: 'search' });

    await expect(client.findGroupLedBy(SECONDARY)).resolves.toBeNull();
    await expect(client.findGroupLedBy(570000001)).resolves.toBeNull();
    await expect(client.findGroupLedBy(111)).resolves.toBeNull();
    expect(paths()).not.toContain('userGroup2 400');
  });

  it('search mode verifies the hit is the ACTIVE primary', async () => {
    harness.sim.control.removeMember(3918893, PRIMARY);

    await expect(harness.client({ groupLookup: 'search' }).findGroupLedBy(PRIMARY)).resolves.toBeNull();
  });

  it('primaryUserId mode surfaces the rejection instead of falling back', async () => {
    harness.sim.control.setBehaviour({ primaryUserIdLookup: 'rejected-1619' });

    await expect(
      harness.client({ groupLookup: 'primaryUserId' }).findGroupLedBy(PRIMARY),
    ).rejects.toMatchObject({
      code: 1619,
    });
  });

  it('does not fall back on a retryable failure', async () => {
    harness.sim.control.setFaults({ endpoints: { userGroup2: { rate500: 1 } } });

    await expect(harness.client().findGroupLedBy(PRIMARY)).rejects.toMatchObject({
      status: 500,
      retryable: true,
    });
    expect(paths()).toEqual(['userGroup2 500']);
  });
});
