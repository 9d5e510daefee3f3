import { type CapillaryClient } from '@tiersync/capillary-client';

/** The doctor's reads: a structural type, so nothing that writes is in reach. */
export type DoctorClient = Pick<
  CapillaryClient,
  | 'findGroupLedBy'
  | 'getCustomerLoyalty'
  | 'getGroup'
  | 'getGroupMembers'
  | 'getOrganizationPrograms'
  | 'getProgramTiers'
  | 'primaryLookupRejection'
>;
