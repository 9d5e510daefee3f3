import { NestedField, TextField } from '../../validation/field.decorators';
import { CustomerIdentifiers } from './customer.fields';

/** A member as group events render it; the customer id is what every group sync needs. */
export class GroupMember {
  @TextField({ optional: true }) firstName?: string | null;
  @TextField({ optional: true }) lastName?: string | null;
  @TextField({ optional: true }) role?: string | null;
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
}
