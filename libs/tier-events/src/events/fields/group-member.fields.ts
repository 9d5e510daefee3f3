import { NestedField, TextField } from '../../validation/field.decorators';
import { CustomerIdentifiers } from './customer.fields';

export class GroupMember {
  @TextField({ optional: true }) firstName?: string | null;
  @TextField({ optional: true }) lastName?: string | null;
  @TextField({ optional: true }) role?: string | null;
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
}
