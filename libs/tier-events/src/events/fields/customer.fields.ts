import { IdField, ListField, NestedField, TextField } from '../../validation/field.decorators';

/** The INSTORE identifiers; other sources (ecommerce, wechat, ...) arrive only when enriched and are kept. */
export class InstoreIdentifiers {
  @TextField({ optional: true }) mobile?: string | null;
  @TextField({ optional: true }) email?: string | null;
  @TextField({ optional: true }) externalId?: string | null;
  @ListField({ optional: true }) cardNumbers?: unknown[] | null;
}

export class CustomerIdentifiers {
  @IdField() customerId!: number;
  @NestedField(() => InstoreIdentifiers, { optional: true }) instore?: InstoreIdentifiers | null;
}

export class EntityInformation {
  @TextField({ optional: true }) entityType?: string | null;
  @IdField({ optional: true }) entityId?: number | null;
}
