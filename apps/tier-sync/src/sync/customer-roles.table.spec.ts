import { testRolesTable } from '../../test/roles-table';
import { testPolicy, testRouterConfig } from '../../test/sync-fixtures';
import { type SyncPolicy } from '../config/tier-sync.config';
import { CustomerRolesTable } from './customer-roles.table';
import { NO_GROUP_TTL_MS } from './roles-view';

const GROUP = 50;
const COMMAND_ID = '0b9f7c1e-2f4e-4d53-9a43-8f3f2f1f6b11';
const TTL_MS = 600_000;
/** Primary 1; secondaries 2 and 3; 4 exited. */
const MEMBERS = [
  { customerId: 1, primaryMember: true, active: true },
  { customerId: 2, primaryMember: false, active: true },
  { customerId: 3, primaryMember: false, active: true },
  { customerId: 4, primaryMember: false, active: false },
];

describe(CustomerRolesTable.name, () => {
  let now = 1_000_000;
  const setup = (ttlMs = TTL_MS, sync: Partial<SyncPolicy> = {}) => {
    const config = { router: testRouterConfig({ groupCacheTtlMs: ttlMs }), sync: testPolicy(sync) };
    const { table, publisher } = testRolesTable(config, () => now);
    const written = () =>
      publisher.records.splice(0).map((r) => `${r.key}:${r.value === null ? 'tombstone' : 'role'}`);
    return { table, written };
  };

  it('writes the roles a group read shows, and nothing again until an entry is half way to expiry', async () => {
    const { table, written } = setup();
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(written()).toEqual(['1:role', '2:role', '3:role']);
    expect(table.get(2)).toMatchObject({ role: 'SECONDARY', groupId: GROUP, primaryCustomerId: 1 });
    expect(table.get(4)).toBeUndefined();

    now += TTL_MS / 2;
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(written()).toEqual([]);
    now += 1;
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(written()).toEqual(['1:role', '2:role', '3:role']);
  });

  it('forgets whoever it placed in the group and the read no longer shows active in it', async () => {
    const { table, written } = setup();
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    written();
    const primaryLeft = [
      { customerId: 2, primaryMember: true, active: true },
      { customerId: 1, primaryMember: false, active: false },
      { customerId: 3, primaryMember: false, active: false },
    ];
    await table.observeGroup(GROUP, primaryLeft, COMMAND_ID);
    expect(written().sort()).toEqual(['1:tombstone', '2:role', '3:tombstone']);
    expect(table.get(2)).toMatchObject({ role: 'PRIMARY', groupId: GROUP });
    expect(table.get(1)).toBeUndefined();
  });

  it('keeps a customer known as the primary of another group when a read shows them as a secondary', async () => {
    const { table } = setup();
    await table.observeLookup(3, 60);
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(table.get(3)).toMatchObject({ role: 'PRIMARY', groupId: 60 });
  });

  it('trusts "leads no group" for a minute and a role read from a group for the whole TTL', async () => {
    const { table, written } = setup();
    await table.observeLookup(42, null);
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    now += NO_GROUP_TTL_MS - 1;
    expect(table.get(42)?.role).toBe('NONE');
    now += 1;
    expect(table.get(42)).toBeUndefined();
    expect(table.get(2)?.role).toBe('SECONDARY');
    now += TTL_MS - NO_GROUP_TTL_MS;
    expect(table.get(2)).toBeUndefined();
    written();
    await table.observeLookup(42, null);
    expect(written()).toEqual(['42:role']);
  });

  it("forgets a group's customers and the ones named on a membership event, writing no tombstone for a stranger", async () => {
    const { table, written } = setup();
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    await table.observeLookup(9, 70);
    written();
    await table.forgetGroup(GROUP, [3, 77]);
    expect(written().sort()).toEqual(['1:tombstone', '2:tombstone', '3:tombstone']);
    expect([1, 2, 3].map((id) => table.get(id))).toEqual([undefined, undefined, undefined]);
    expect(table.get(9)?.groupId).toBe(70);
  });

  it('with SYNC_ECHO_SHORTCUT off, records and answers no secondary', async () => {
    const { table, written } = setup(TTL_MS, { echoShortcut: false });
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    expect(written()).toEqual(['1:role']);
    expect(table.get(2)).toBeUndefined();
  });

  it('with SYNC_GROUP_CACHE_TTL_MS=0, writes and answers nothing', async () => {
    const { table, written } = setup(0);
    await table.observeGroup(GROUP, MEMBERS, COMMAND_ID);
    await table.observeLookup(42, null);
    expect(written()).toEqual([]);
    expect(table.get(1)).toBeUndefined();
    expect(await table.caughtUp()).toBe(false);
  });
});
