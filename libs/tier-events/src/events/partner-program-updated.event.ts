import { AnyJsonField, IdField, IntField, NestedField, TextField } from '../validation/field.decorators';
import { CustomerIdentifiers, EntityInformation } from './fields/customer.fields';

export class CustomerPartnerProgramDetails {
  @IntField({ min: 1, optional: true }) partnerTierNumber?: number | null;
  /** Not in the published samples; kept typed in case the vendor sends the name next to the number. */
  @TextField({ optional: true }) partnerTierName?: string | null;
  @TextField({ optional: true }) partnerTierExpiryDate?: string | null;
  @AnyJsonField() partnerTierExpiryDateInMillis?: unknown;
  @AnyJsonField() membershipNumber?: unknown;
  @AnyJsonField() membershipExpiryDate?: unknown;
}

/** docs/architecture.md, API fact 23. */
export class PartnerProgramUpdatedEvent {
  @NestedField(() => CustomerIdentifiers) customerIdentifiers!: CustomerIdentifiers;
  @NestedField(() => EntityInformation, { optional: true }) entityInformation?: EntityInformation | null;
  @IdField({ optional: true }) loyaltyProgramId?: number | null;
  @AnyJsonField() partnerProgramId?: unknown;
  @TextField({ optional: true }) partnerProgramName?: string | null;
  @AnyJsonField() partnerProgramType?: unknown;
  @TextField({ optional: true }) updateType?: string | null;
  @NestedField(() => CustomerPartnerProgramDetails, { optional: true })
  customerPartnerProgramDetails?: CustomerPartnerProgramDetails | null;
}
