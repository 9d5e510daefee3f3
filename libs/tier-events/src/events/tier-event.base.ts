import { AnyJsonField, IdField, NestedField, TextField } from '../validation/field.decorators';
import { CustomerIdentifiers, EntityInformation } from './fields/customer.fields';
import { LoyaltyProgramDetails } from './fields/loyalty-program.fields';

/** The fields tierUpgraded, tierDowngraded and tierRenewed share (docs/architecture.md, API fact 5). */
export abstract class TierEventBase {
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
  @NestedField(() => EntityInformation, { optional: true }) entityInformation?: EntityInformation | null;
  @IdField() loyaltyProgramId!: number;
  @NestedField(() => LoyaltyProgramDetails, { optional: true })
  loyaltyProgramDetails?: LoyaltyProgramDetails | null;
  /** `YYYY-MM-DD` in the documented samples; raw samples carry arbitrary text, so it is not parsed here. */
  @TextField({ optional: true }) tierExpiryDate?: string | null;
  @AnyJsonField() tierExpiryDateInMillis?: unknown;
  @AnyJsonField() currentDateStoreTz?: unknown;
  @AnyJsonField() notes?: unknown;
  /** Till codes, enteredBy ids of 0 or -1, boolean identifier values: real payloads vary, tiersync reads none. */
  @AnyJsonField() triggeringActivity?: unknown;
}
