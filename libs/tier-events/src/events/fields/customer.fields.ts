import { AnyJsonField, IdField, TextField } from '../../validation/field.decorators';

export class CustomerIdentifiers {
  @IdField() customerId!: number;
  /** Mobile, email, card numbers: tiersync addresses customers by id only. */
  @AnyJsonField() instore?: unknown;
}

export class EntityInformation {
  @TextField({ optional: true }) entityType?: string | null;
  @AnyJsonField() entityId?: unknown;
}
