import { EpochMillisField, IdField, NestedField, TextField } from '../validation/field.decorators';
import { TriggeringActivity } from './fields/activity.fields';
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
  @EpochMillisField({ optional: true }) tierExpiryDateInMillis?: number | null;
  @TextField({ optional: true }) currentDateStoreTz?: string | null;
  @TextField({ optional: true }) notes?: string | null;
  @NestedField(() => TriggeringActivity, { optional: true }) triggeringActivity?: TriggeringActivity | null;
}
