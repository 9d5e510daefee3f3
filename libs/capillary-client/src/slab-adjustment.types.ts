/** Capillary's `source` query values (docs/architecture.md, API fact 16). */
export const CAPILLARY_SOURCES = [
  'INSTORE',
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
] as const;

export type CapillarySource = (typeof CAPILLARY_SOURCES)[number];

export type SlabAction = 'UPGRADE' | 'DOWNGRADE' | 'RENEWAL' | 'EXTEND_CURRENT_TIER_EXPIRY_DATE';

export type SlabActionValidity =
  'FIXED_DURATION' | 'SPECIFIC_DATE' | 'CURRENT_TIER_EXPIRY_DATE' | 'AS_PER_TIER_STRATEGY';

/** Body of POST /v2/slab/manualSlabAdjustment (docs/architecture.md, API facts 16-17). */
export interface ManualSlabAdjustmentRequest {
  programId: number;
  slabAction: SlabAction;
  /** Tier NAME, never its number; required for UPGRADE and DOWNGRADE. */
  toSlabName?: string;
  manualSlabActionValidity: SlabActionValidity;
  /** Days for FIXED_DURATION (integer), `YYYY-MM-DD` for SPECIFIC_DATE. */
  manualSlabActionValidityUpto?: string | number;
  reassessTierOnNextActivity?: boolean;
  /** At most 255 characters. */
  slabChangeReason?: string;
}

export interface ManualSlabAdjustmentOptions {
  identifierName?: 'id' | 'mobile' | 'externalId';
  identifierValue?: string;
  type?: 'CUSTOMER' | 'USERGROUP2';
}

export interface SlabSideEffect {
  entityType: string;
  previousSlabName: string;
  previousSlabNumber: number;
  /** Also the resulting tier of downgrades and renewals. */
  upgradedSlabName: string;
  upgradedSlabNumber: number;
  slabExpiryDate: string;
  type: string;
}

export interface ApiWarning {
  code?: number;
  message: string;
}

export interface ManualSlabAdjustmentResponse {
  programId: number;
  entityId: number;
  sideEffects: SlabSideEffect[];
  warnings: ApiWarning[];
}
