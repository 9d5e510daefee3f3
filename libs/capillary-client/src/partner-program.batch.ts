import { CapillaryApiError } from './capillary-api.error';
import { type CustomerPartnerUpdate, type PartnerUpdateResult } from './partner-program.types';

/** Capillary's limit per request (error 2008; docs/architecture.md, API fact 22). */
export const PARTNER_BATCH_LIMIT = 50;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

export function validatePartnerUpdates(updates: readonly CustomerPartnerUpdate[]): void {
  const problems: string[] = [];
  updates.forEach((update, i) => {
    const c = update.customer;
    if (c.id === undefined && !c.mobile && !c.email && !c.externalId) {
      problems.push(`[${i}].customer needs one of id, mobile, email, externalId`);
    }
    if (update.partnerProgramUpdates.length === 0) {
      problems.push(`[${i}].partnerProgramUpdates must not be empty`);
    }
    update.partnerProgramUpdates.forEach((p, j) => {
      if (!p.partnerProgramName.trim()) {
        problems.push(`[${i}].partnerProgramUpdates[${j}].partnerProgramName must not be empty`);
      }
      if (p.updateType !== 'MEMBERSHIP_RELINKING_CANCELLED' && !p.updateDetails?.updatedTierName.trim()) {
        problems.push(`[${i}].partnerProgramUpdates[${j}].updateDetails.updatedTierName is required`);
      }
    });
  });
  if (problems.length > 0) {
    throw CapillaryApiError.validation(`Invalid partner program updates: ${problems.join('; ')}`);
  }
}

export function failedBatch(
  batch: readonly CustomerPartnerUpdate[],
  error: CapillaryApiError,
): PartnerUpdateResult[] {
  return batch.map((input) => ({ input, ok: false, programs: [], error }));
}
