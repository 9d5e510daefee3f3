import { demoSeed, type SimSeed } from '@tiersync/capillary-sim';
import { useSimClient } from '../test/sim-client';
import { CapillaryClient } from './capillary.client';

const BIG_GROUP = 4000001;
const PRIMARY = 5000000;

/** The demo org plus a group of 1 primary and 119 secondaries, 7 of them exited. */
function bigGroupSeed(): SimSeed {
  const seed = demoSeed();
  const ids = Array.from({ length: 120 }, (_, i) => PRIMARY + i);
  seed.customers.push(
    ...ids.map((customerId) => ({
      customerId,
      firstName: `M${customerId}`,
      lastName: 'Big',
      status: 'ACTIVE',
      tiers: [],
      partnerLinks: [],
    })),
  );
  seed.groups.push({
    groupId: BIG_GROUP,
    groupName: 'Big',
    groupStatus: 'ACTIVE',
    maxGroupSize: 200,
    createdOn: '2025-01-01 00:00:00',
    members: ids.map((customerId, i) => ({
      customerId,
      primary: i === 0,
      active: i % 17 !== 5,
      defaultGroup: true,
      joinedOn: `2025-01-01 00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    })),
    tiers: [],
  });
  return seed;
}

describe(`${CapillaryClient.name} members pagination`, () => {
  const harness = useSimClient({ seed: bigGroupSeed() });

  it('reads every page with the documented pagination parameters', async () => {
    const members = await harness.client({ membersPageSize: 50 }).getGroupMembers(BIG_GROUP);

    expect(members).toHaveLength(120);
    expect(new Set(members.map((m) => m.customerId)).size).toBe(120);
    expect(members.filter((m) => m.inActive === false)).toHaveLength(7);
    expect(members[0]).toMatchObject({ customerId: PRIMARY, primaryMember: true });
    const calls = harness.sim.control.calls({ endpoint: 'userGroup2Members' });
    expect(calls.map((c) => [c.query['offset'], c.query['limit']])).toEqual([
      ['0', '50'],
      ['50', '50'],
      ['100', '50'],
    ]);
    expect(calls[0]?.query).toMatchObject({
      source: 'INSTORE',
      identifierName: 'id',
      identifierValue: String(BIG_GROUP),
      paginationDetails: 'true',
      sortBy: 'IS_PRIMARY',
      sortOrder: 'DESC',
    });
  });

  it('follows the server when it returns smaller pages than asked for', async () => {
    harness.sim.control.setBehaviour({ membersMaxPageSize: 30 });

    const members = await harness.client({ membersPageSize: 50 }).getGroupMembers(BIG_GROUP);

    expect(members).toHaveLength(120);
    expect(harness.sim.control.calls().map((c) => c.query['offset'])).toEqual(['0', '30', '60', '90']);
  });

  it('stops after one call for a group that fits a page', async () => {
    await expect(harness.client().getGroupMembers(3918894)).resolves.toHaveLength(3);
    expect(harness.sim.control.calls()).toHaveLength(1);
  });
});
