import { CapillaryApiError } from './capillary-api.error';
import {
  asArray,
  asRecord,
  isRecord,
  optBoolean,
  optNumber,
  optString,
  type JsonRecord,
} from './json-reader';
import {
  type CustomerPartnerUpdate,
  type PartnerProgramUpdateResult,
  type PartnerStatus,
  type PartnerUpdateResult,
} from './partner-program.types';

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

/** Capillary answers in request order, one entry per customer. */
export function parseBatchResults(
  body: unknown,
  batch: readonly CustomerPartnerUpdate[],
): PartnerUpdateResult[] {
  const entries = asArray(
    asRecord(body, 'partner update')['customersPartnerUpdates'],
    'customersPartnerUpdates',
  );
  if (entries.length !== batch.length) {
    throw new CapillaryApiError(
      `customerPartnerProgramUpdate answered ${entries.length} customers for ${batch.length} sent`,
      { kind: 'api', retryable: false },
    );
  }
  return batch.map((input, i) => {
    const entry = asRecord(entries[i], 'customersPartnerUpdates[]');
    const customer = isRecord(entry['customer']) ? entry['customer'] : {};
    const customerStatus = readStatus(customer['status']);
    const programs = (Array.isArray(entry['partnerProgramUpdates']) ? entry['partnerProgramUpdates'] : [])
      .filter(isRecord)
      .map(readProgram);
    const ok =
      (customerStatus?.ok ?? true) &&
      programs.length === input.partnerProgramUpdates.length &&
      programs.every((p) => p.ok);
    const result: PartnerUpdateResult = { input, ok, programs };
    const customerId = optNumber(customer['id']);
    if (customerId !== undefined) {
      result.customerId = customerId;
    }
    if (customerStatus) {
      result.customerStatus = customerStatus;
    }
    return result;
  });
}

export function failedBatch(
  batch: readonly CustomerPartnerUpdate[],
  error: CapillaryApiError,
): PartnerUpdateResult[] {
  return batch.map((input) => ({ input, ok: false, programs: [], error }));
}

function readProgram(raw: JsonRecord): PartnerProgramUpdateResult {
  const status = readStatus(raw['updateStatus']) ?? { ok: false, message: 'no updateStatus' };
  return {
    partnerProgramName: optString(raw['partnerProgramName']) ?? '',
    updateType: optString(raw['updateType']) ?? '',
    ...status,
  };
}

function readStatus(raw: unknown): PartnerStatus | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const status: PartnerStatus = { ok: optBoolean(raw['status']) ?? false };
  const code = optNumber(raw['code']);
  const message = optString(raw['message']);
  if (code !== undefined) {
    status.code = code;
  }
  if (message !== undefined) {
    status.message = message;
  }
  return status;
}
