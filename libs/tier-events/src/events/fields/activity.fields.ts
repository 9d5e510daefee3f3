import { IdField, ListField, NestedField, ScalarField, TextField } from '../../validation/field.decorators';
import { EntityInformation } from './customer.fields';

export class Till {
  @TextField({ optional: true }) code?: string | null;
  @TextField({ optional: true }) name?: string | null;
}

export class Store {
  @TextField({ optional: true }) code?: string | null;
  @TextField({ optional: true }) name?: string | null;
  @TextField({ optional: true }) externalId?: string | null;
  @TextField({ optional: true }) externalId1?: string | null;
  @TextField({ optional: true }) externalId2?: string | null;
}

export class EnteringUser {
  @TextField({ optional: true }) username?: string | null;
}

export class EnteredBy {
  @IdField({ optional: true }) id?: number | null;
  @NestedField(() => EnteringUser, { optional: true }) user?: EnteringUser | null;
  @NestedField(() => Till, { optional: true }) till?: Till | null;
  @NestedField(() => Store, { optional: true }) store?: Store | null;
}

export class ActivityIdentifier {
  @TextField({ optional: true }) key?: string | null;
  @ScalarField({ optional: true }) value?: string | number | null;
}

export class TriggeringActivity {
  @TextField({ optional: true }) name?: string | null;
  @NestedField(() => ActivityIdentifier, { each: true, optional: true }) identifiers?:
    ActivityIdentifier[] | null;
  @NestedField(() => EnteredBy, { optional: true }) enteredBy?: EnteredBy | null;
  @NestedField(() => EntityInformation, { optional: true }) entityInformation?: EntityInformation | null;
  @ListField({ optional: true }) additionalAttributes?: unknown[] | null;
}
