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
  type PartnerCustomerRef,
  type PartnerProgramUpdateResult,
  type PartnerStatus,
  type PartnerUpdateResult,
} from './partner-program.types';

const IDENTIFIERS = ['id', 'mobile', 'email', 'externalId'] as const;

/**
 * Each answer is mapped to the customer it names (`customer.id`, else the identifier sent), never by
 * position: the documents show one entry per customer but promise no order (docs/architecture.md, API
 * fact 22). A customer with no entry of its own, or named twice, fails permanently with `mismatch`: the
 * answer breaks the documented shape, and nothing tells whether its update was applied.
 */
export function parseBatchResults(
  body: unknown,
  batch: readonly CustomerPartnerUpdate[],
): PartnerUpdateResult[] {
  const entries = asArray(
    asRecord(body, 'partner update')['customersPartnerUpdates'],
    'customersPartnerUpdates',
  ).map((raw) => asRecord(raw, 'customersPartnerUpdates[]'));
  const keys = batch.map((input) => keyOf(input.customer));
  const matched = new Map<string, JsonRecord[]>();
  const strays: string[] = [];
  for (const entry of entries) {
    const customer = isRecord(entry['customer']) ? entry['customer'] : {};
    const key = keys.find((k) => k !== undefined && sameIdentifier(customer, k));
    if (key === undefined) {
      strays.push(describe(customer));
      continue;
    }
    matched.set(key.text, [...(matched.get(key.text) ?? []), entry]);
  }
  return batch.map((input, i) => {
    const key = keys[i];
    const found = key ? (matched.get(key.text) ?? []) : [];
    const [entry] = found;
    if (found.length === 1 && entry) {
      return resultOf(input, entry);
    }
    const mismatch =
      found.length > 1
        ? `customerPartnerProgramUpdate answered customer ${key?.text ?? '?'} ${found.length} times`
        : `customerPartnerProgramUpdate answered no entry for customer ${key?.text ?? '(no identifier)'}` +
          (strays.length > 0 ? `; it named customers not sent: ${strays.join(', ')}` : '');
    const error = new CapillaryApiError(mismatch, { kind: 'api', retryable: false });
    return { input, ok: false, programs: [], error, mismatch };
  });
}

interface CustomerKey {
  name: (typeof IDENTIFIERS)[number];
  value: string;
  text: string;
}

function keyOf(ref: PartnerCustomerRef): CustomerKey | undefined {
  for (const name of IDENTIFIERS) {
    const value = ref[name];
    if (value !== undefined && value !== '') {
      return { name, value: String(value), text: `${name}=${String(value)}` };
    }
  }
  return undefined;
}

function sameIdentifier(customer: JsonRecord, key: CustomerKey): boolean {
  const raw = customer[key.name];
  const value = key.name === 'id' ? optNumber(raw) : optString(raw);
  return value !== undefined && String(value) === key.value;
}

function describe(customer: JsonRecord): string {
  const named = IDENTIFIERS.map((name) => [name, customer[name]] as const).find(
    ([, v]) => v !== undefined && v !== null && v !== '',
  );
  return named ? `${named[0]}=${String(named[1])}` : '(no identifier)';
}

function resultOf(input: CustomerPartnerUpdate, entry: JsonRecord): PartnerUpdateResult {
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
