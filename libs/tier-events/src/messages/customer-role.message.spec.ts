import { createCustomerRole, CustomerRole, parseCustomerRole } from './customer-role.message';

const secondary = {
  customerId: 7,
  role: 'SECONDARY' as const,
  groupId: 3,
  primaryCustomerId: 5,
  commandId: '0b9f7c1e-2f4e-4d53-9a43-8f3f2f1f6b11',
  observedAt: 1_700_000_000_000,
  source: 'group-read' as const,
};

describe(CustomerRole.name, () => {
  it('round-trips through JSON', () => {
    const role = createCustomerRole(secondary);
    expect(role).toBeInstanceOf(CustomerRole);
    expect(parseCustomerRole(JSON.parse(JSON.stringify(role)))).toEqual({ ...secondary, schemaVersion: 1 });
  });

  it('names the group for a PRIMARY and a SECONDARY, and nothing for NONE', () => {
    expect(() => createCustomerRole({ ...secondary, primaryCustomerId: undefined })).toThrow(
      'invalid CustomerRole: primaryCustomerId: required for role SECONDARY',
    );
    expect(() => createCustomerRole({ ...secondary, role: 'PRIMARY' })).toThrow(
      'invalid CustomerRole: primaryCustomerId: not allowed for role PRIMARY',
    );
    expect(() =>
      createCustomerRole({ customerId: 7, role: 'NONE', groupId: 3, observedAt: 1, source: 'lookup' }),
    ).toThrow('invalid CustomerRole: groupId: not allowed for role NONE');
    expect(createCustomerRole({ customerId: 7, role: 'NONE', observedAt: 1, source: 'lookup' }).role).toBe(
      'NONE',
    );
  });

  it('refuses an unknown role or source', () => {
    expect(() =>
      parseCustomerRole({ ...secondary, schemaVersion: 1, role: 'OWNER', source: 'guess' }),
    ).toThrow('role: must be one of PRIMARY, SECONDARY, NONE; source: must be one of group-read, lookup');
  });
});
