import { EpochMillisField, IdField, IntField, NestedField, TextField } from '../validation/field.decorators';
import { CustomerIdentifiers, EntityInformation } from './fields/customer.fields';

export class CustomerPartnerProgramDetails {
  @IntField({ min: 1, optional: true }) partnerTierNumber?: number | null;
  /** Not in the published samples; kept typed in case the vendor sends the name next to the number. */
  @TextField({ optional: true }) partnerTierName?: string | null;
  @TextField({ optional: true }) partnerTierExpiryDate?: string | null;
  @EpochMillisField({ optional: true }) partnerTierExpiryDateInMillis?: number | null;
  @TextField({ optional: true }) membershipNumber?: string | null;
  @TextField({ optional: true }) membershipExpiryDate?: string | null;
}

/** docs/architecture.md, API fact 23. */
export class PartnerProgramUpdatedEvent {
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
  @NestedField(() => EntityInformation, { optional: true }) entityInformation?: EntityInformation | null;
  @IdField({ optional: true }) loyaltyProgramId?: number | null;
  @IdField({ optional: true }) partnerProgramId?: number | null;
  @TextField({ optional: true }) partnerProgramName?: string | null;
  @TextField({ optional: true }) partnerProgramType?: string | null;
  @TextField({ optional: true }) updateType?: string | null;
  @NestedField(() => CustomerPartnerProgramDetails, { optional: true })
  customerPartnerProgramDetails?: CustomerPartnerProgramDetails | null;
}
