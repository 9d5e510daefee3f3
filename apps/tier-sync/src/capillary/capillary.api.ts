import { type CapillaryClient, type CustomerProgramTier } from '@tiersync/capillary-client';

/** The client calls the sync uses; unit tests hand in small fakes of exactly these. */
export type CapillaryApi = Pick<
  CapillaryClient,
  | 'findGroupLedBy'
  | 'getGroup'
  | 'getGroupMembers'
  | 'getCustomerLoyalty'
  | 'getProgramTiers'
  | 'getOrganizationPrograms'
  | 'manualSlabAdjustment'
  | 'updatePartnerPrograms'
>;

export const CAPILLARY_API = Symbol('CapillaryApi');

/** The customer's tier in one program (undefined when not enrolled there). */
export async function readProgramTier(
  api: Pick<CapillaryApi, 'getCustomerLoyalty'>,
  customerId: number,
  programId: number,
): Promise<CustomerProgramTier | undefined> {
  const programs = await api.getCustomerLoyalty(customerId);
  return programs.find((p) => p.programId === programId);
}
