import { type CapillaryClient, type CustomerProgramTier } from '@tiersync/capillary-client';

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

export async function readProgramTier(
  api: Pick<CapillaryApi, 'getCustomerLoyalty'>,
  customerId: number,
  programId: number,
): Promise<CustomerProgramTier | undefined> {
  const programs = await api.getCustomerLoyalty(customerId);
  return programs.find((p) => p.programId === programId);
}
