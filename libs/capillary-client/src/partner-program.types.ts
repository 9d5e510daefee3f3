import { type CapillaryApiError } from './capillary-api.error';

export type PartnerUpdateType =
  'UPGRADE' | 'DOWNGRADE' | 'RENEW' | 'MEMBERSHIP_RELINKING_CANCELLED' | 'MEMBERSHIP_RENEWAL_INITIATION';

/** Any one identifier is required (docs/architecture.md, API fact 22). */
export interface PartnerCustomerRef {
  id?: number;
  mobile?: string;
  email?: string;
  externalId?: string;
}

export interface PartnerProgramUpdate {
  partnerProgramName: string;
  updateType: PartnerUpdateType;
  /** Required for every updateType except MEMBERSHIP_RELINKING_CANCELLED. */
  updateDetails?: { updatedTierName: string; updatedTierExpiryDate?: string };
}

export interface CustomerPartnerUpdate {
  customer: PartnerCustomerRef;
  partnerProgramUpdates: PartnerProgramUpdate[];
}

export interface PartnerStatus {
  ok: boolean;
  code?: number;
  message?: string;
}

export interface PartnerProgramUpdateResult extends PartnerStatus {
  partnerProgramName: string;
  updateType: string;
}

export interface PartnerUpdateResult {
  input: CustomerPartnerUpdate;
  ok: boolean;
  customerId?: number;
  customerStatus?: PartnerStatus;
  programs: PartnerProgramUpdateResult[];
  /** The whole batch request failed, or its answer had no single entry for this customer: nothing is known
   * about this customer. */
  error?: CapillaryApiError;
  /** Why the answer could not be mapped to this customer (no entry of its own, or several). */
  mismatch?: string;
}
