import { fleetGroupId, fleetMemberId, type SimCall } from '@tiersync/capillary-sim';
import { groupOwnership } from './group-ownership';

let seq = 0;
function call(
  caller: string,
  at: number,
  durationMs: number,
  endpoint: SimCall['endpoint'],
  group: number,
): SimCall {
  const customer = String(fleetMemberId(group, 1));
  const byEndpoint = {
    userGroup2Members: {
      path: '/v2/userGroup2/members',
      query: { identifierValue: String(fleetGroupId(group)) },
    },
    customers: { path: `/v2/customers/${customer}`, query: {} },
    manualSlabAdjustment: { path: '/v2/slab/manualSlabAdjustment', query: { identifierValue: customer } },
    userGroup2: { path: '/v2/userGroup2', query: { primaryUserId: customer } },
  } as Record<string, { path: string; query: Record<string, string> }>;
  const { path, query } = byEndpoint[endpoint ?? ''] ?? { path: '/', query: {} };
  return {
    seq: ++seq,
    caller,
    at,
    durationMs,
    endpoint,
    method: 'GET',
    path,
    query,
    body: undefined,
    concurrent: 1,
  };
}

describe(groupOwnership.name, () => {
  it('accepts a group synced by one process after another', () => {
    const calls = [
      call('a', 0, 100, 'userGroup2Members', 7),
      call('a', 100, 100, 'manualSlabAdjustment', 7),
      call('b', 250, 100, 'customers', 7),
    ];
    expect(groupOwnership(calls)).toEqual({
      groups: 1,
      handedOver: 1,
      overlapping: [],
      groupsPerCaller: { a: 1, b: 1 },
    });
  });

  it('catches two processes syncing one group at once', () => {
    const calls = [
      call('a', 0, 100, 'userGroup2Members', 7),
      call('b', 50, 100, 'customers', 7),
      call('a', 0, 100, 'userGroup2Members', 8),
    ];
    expect(groupOwnership(calls)).toEqual({
      groups: 2,
      handedOver: 1,
      overlapping: [7],
      groupsPerCaller: { a: 2, b: 1 },
    });
  });

  it('counts the group read by id as the sync of that group', () => {
    const byId = { ...call('a', 0, 100, 'userGroup2', 7), query: { id: String(fleetGroupId(7)) } };
    expect(groupOwnership([byId, call('b', 50, 100, 'customers', 7)])).toMatchObject({
      groups: 1,
      overlapping: [7],
    });
  });

  it("ignores the router's lookups, which any process makes", () => {
    const calls = [call('a', 0, 100, 'userGroup2Members', 7), call('b', 50, 100, 'userGroup2', 7)];
    expect(groupOwnership(calls)).toEqual({
      groups: 1,
      handedOver: 0,
      overlapping: [],
      groupsPerCaller: { a: 1 },
    });
  });
});
