import { CapillaryApiError } from './capillary-api.error';

export type JsonRecord = Record<string, unknown>;

/** Capillary's samples vary (ids as strings or floats such as `379499720.0`); anything else fails loudly. */
export function malformed(what: string): CapillaryApiError {
  return new CapillaryApiError(`Unexpected Capillary response: ${what}`, { kind: 'http', retryable: false });
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown, what: string): JsonRecord {
  if (!isRecord(value)) {
    throw malformed(`${what} is not an object`);
  }
  return value;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw malformed(`${what} is not an array`);
  }
  return value;
}

export function optNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

export function reqNumber(record: JsonRecord, key: string, what: string): number {
  return required(optNumber(record[key]), `${what}.${key} is not a number`);
}

export function optString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' ? String(value) : undefined;
}

export function reqString(record: JsonRecord, key: string, what: string): string {
  return required(optString(record[key]), `${what}.${key} is not a string`);
}

function required<T>(value: T | undefined, problem: string): T {
  if (value === undefined) {
    throw malformed(problem);
  }
  return value;
}

export function optBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return undefined;
}

export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
