import {
  ConstantField,
  EpochMillisField,
  IdField,
  OneOfField,
  UuidField,
} from '../validation/field.decorators';
import { InvalidEventError, type Violation } from '../validation/invalid-event.error';
import { MESSAGE_SCHEMA_VERSION, messageCodec, type MessageInit } from './message-codec';

export const CUSTOMER_ROLES = ['PRIMARY', 'SECONDARY', 'NONE'] as const;
export type CustomerRoleKind = (typeof CUSTOMER_ROLES)[number];

export const ROLE_SOURCES = ['group-read', 'lookup'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

/** A customer's role as last observed, keyed by customer id on the compacted customer-roles topic: a cache
 * of Capillary's answers shared by every tier-sync instance, never an event. */
export class CustomerRole {
  @ConstantField(MESSAGE_SCHEMA_VERSION) schemaVersion!: typeof MESSAGE_SCHEMA_VERSION;
  @IdField() customerId!: number;
  @OneOfField(CUSTOMER_ROLES) role!: CustomerRoleKind;
  /** PRIMARY: the group led; SECONDARY: the group the customer is an active member of. */
  @IdField({ optional: true }) groupId?: number;
  @IdField({ optional: true }) primaryCustomerId?: number;
  /** The command whose group read observed the role. */
  @UuidField({ optional: true }) commandId?: string;
  @EpochMillisField() observedAt!: number;
  @OneOfField(ROLE_SOURCES) source!: RoleSource;
}

export type CustomerRoleInit = MessageInit<CustomerRole>;

const codec = messageCodec(CustomerRole);

export function parseCustomerRole(raw: unknown): CustomerRole {
  const role = codec.parse(raw);
  const violations = roleViolations(role);
  if (violations.length > 0) {
    throw new InvalidEventError(CustomerRole.name, violations);
  }
  return role;
}

export const createCustomerRole = (init: CustomerRoleInit): CustomerRole =>
  parseCustomerRole({ ...init, schemaVersion: MESSAGE_SCHEMA_VERSION });

function roleViolations({ role, groupId, primaryCustomerId }: CustomerRole): Violation[] {
  const wants = {
    groupId: role !== 'NONE',
    primaryCustomerId: role === 'SECONDARY',
  };
  const has = { groupId: groupId !== undefined, primaryCustomerId: primaryCustomerId !== undefined };
  return (['groupId', 'primaryCustomerId'] as const)
    .filter((field) => wants[field] !== has[field])
    .map((field) => ({
      path: field,
      message: wants[field] ? `required for role ${role}` : `not allowed for role ${role}`,
    }));
}
