import { AnyJsonField, IdField, IntField, NestedField, TextField } from '../../validation/field.decorators';

/** An empty name is kept: tierNameOf then names the tier from GET /v3/tiers, or the sync fails loudly. */
export class TierName {
  @IntField({ min: 1 }) tierNumber!: number;
  @TextField() tierName!: string;
}

/** Optional in old samples; `tiers` is null in the enriched samples (names then come from GET /v3/tiers). */
export class LoyaltyProgramDetails {
  @IdField({ optional: true }) id?: number | null;
  @AnyJsonField() name?: unknown;
  @AnyJsonField() isDefault?: unknown;
  @AnyJsonField() pointsToCurrencyRatio?: unknown;
  @NestedField(() => TierName, { each: true, optional: true }) tiers?: TierName[] | null;
}
