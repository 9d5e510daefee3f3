import { AnyJsonField, NestedField } from '../../validation/field.decorators';
import { CustomerIdentifiers } from './customer.fields';

export class GroupMember {
  @AnyJsonField() firstName?: unknown;
  @AnyJsonField() lastName?: unknown;
  /** The group's own rows, not this field, decide who is primary. */
  @AnyJsonField() role?: unknown;
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
}
