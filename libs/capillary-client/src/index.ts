export { AdaptiveRateLimit, MAX_PAUSE_MS, type RateLimitState } from './adaptive-rate-limit';
export { basicAuthorization, type AuthProvider, type CapillaryAuth } from './auth.provider';
export {
  ALREADY_AT_TARGET_CODE,
  CapillaryApiError,
  PERMANENT_ERROR_CODES,
  isAlreadyAtTarget,
  isCapillaryApiError,
  type CapillaryErrorKind,
} from './capillary-api.error';
export { CapillaryClient } from './capillary.client';
export {
  type CapillaryClientOptions,
  type CapillaryLogger,
  type CapillaryOutcome,
  type CapillaryRequestEvent,
} from './client-options';
export { systemClock, type Clock } from './clock';
export { ConcurrencyLimiter } from './concurrency-limiter';
export { capillaryConnectionOf, type CapillaryConnection } from './config/capillary.config';
export {
  CAPILLARY_AUTH_KINDS,
  withCapillaryEnvironment,
  type CapillaryEnvironmentOptions,
  type CapillaryVariables,
} from './config/capillary.environment';
export { classifyFailure, parseRetryAfter, retryAfterOf, type FailureClass } from './error-classification';
export { readGroupMembership, type MembershipReading } from './group-membership.reading';
export { type CustomerIdentifiers, type CustomerProgramTier, type ProgramTier } from './loyalty.types';
export {
  activePrimaryOf,
  selectSecondaries,
  type MemberRow,
  type MemberSelection,
  type SkippedMember,
} from './member-selection';
export { OAUTH_HEADER } from './oauth-token.provider';
export {
  type OrganizationProgram,
  type PartnerProgramInfo,
  type PartnerProgramTier,
} from './organization-programs.types';
export { PARTNER_BATCH_LIMIT } from './partner-program.batch';
export {
  type CustomerPartnerUpdate,
  type PartnerCustomerRef,
  type PartnerProgramUpdate,
  type PartnerProgramUpdateResult,
  type PartnerStatus,
  type PartnerUpdateResult,
  type PartnerUpdateType,
} from './partner-program.types';
export { RateLimiter, type RateLimiterOptions } from './rate-limiter';
export {
  CAPILLARY_SOURCES,
  type ApiWarning,
  type CapillarySource,
  type ManualSlabAdjustmentOptions,
  type ManualSlabAdjustmentRequest,
  type ManualSlabAdjustmentResponse,
  type SlabAction,
  type SlabActionValidity,
  type SlabSideEffect,
} from './slab-adjustment.types';
export { MAX_REASON_LENGTH, slabAdjustmentProblems } from './slab-adjustment.validation';
export {
  type GroupMember,
  type GroupMembership,
  type GroupProgramTier,
  type GroupSearchPage,
  type GroupSummary,
  type UserGroup,
} from './user-group.types';
