import {
  BooleanField,
  IdField,
  IntField,
  NestedField,
  NumberField,
  TextField,
} from '../../validation/field.decorators';

export class TierName {
  @IntField({ min: 1 }) tierNumber!: number;
  @TextField({ nonEmpty: true }) tierName!: string;
}

/** Optional in old samples; `tiers` is null in the enriched samples (names then come from GET /v3/tiers). */
export class LoyaltyProgramDetails {
  @IdField({ optional: true }) id?: number | null;
  @TextField({ optional: true }) name?: string | null;
  @BooleanField({ optional: true }) isDefault?: boolean | null;
  @NumberField({ optional: true }) pointsToCurrencyRatio?: number | null;
  @NestedField(() => TierName, { each: true, optional: true }) tiers?: TierName[] | null;
}
