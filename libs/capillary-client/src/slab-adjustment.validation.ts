import { CapillaryApiError } from './capillary-api.error';
import { type ManualSlabAdjustmentRequest } from './slab-adjustment.types';

const ACTIONS = new Set(['UPGRADE', 'DOWNGRADE', 'RENEWAL', 'EXTEND_CURRENT_TIER_EXPIRY_DATE']);
const VALIDITIES = new Set([
  'FIXED_DURATION',
  'SPECIFIC_DATE',
  'CURRENT_TIER_EXPIRY_DATE',
  'AS_PER_TIER_STRATEGY',
]);
export const MAX_REASON_LENGTH = 255;

/** A request Capillary can only reject must not cost a rate-limited call. */
export function validateSlabAdjustment(body: ManualSlabAdjustmentRequest): void {
  const problems = slabAdjustmentProblems(body);
  if (problems.length > 0) {
    throw CapillaryApiError.validation(`Invalid manualSlabAdjustment body: ${problems.join('; ')}`);
  }
}

export function slabAdjustmentProblems(body: ManualSlabAdjustmentRequest): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(body.programId) || body.programId <= 0) {
    problems.push('programId must be a positive integer');
  }
  if (!ACTIONS.has(body.slabAction)) {
    problems.push(`slabAction must be one of ${[...ACTIONS].join(', ')}`);
  }
  if ((body.slabAction === 'UPGRADE' || body.slabAction === 'DOWNGRADE') && !body.toSlabName?.trim()) {
    problems.push(`toSlabName is required for ${body.slabAction}`);
  }
  if (!VALIDITIES.has(body.manualSlabActionValidity)) {
    problems.push(`manualSlabActionValidity must be one of ${[...VALIDITIES].join(', ')}`);
  }
  const upto = body.manualSlabActionValidityUpto;
  if (body.manualSlabActionValidity === 'FIXED_DURATION' && !isDayCount(upto)) {
    problems.push('manualSlabActionValidityUpto must be a whole number of days for FIXED_DURATION');
  }
  if (body.manualSlabActionValidity === 'SPECIFIC_DATE' && !isCalendarDate(upto)) {
    problems.push('manualSlabActionValidityUpto must be a YYYY-MM-DD date for SPECIFIC_DATE');
  }
  if (body.slabChangeReason !== undefined && body.slabChangeReason.length > MAX_REASON_LENGTH) {
    problems.push(`slabChangeReason must be at most ${MAX_REASON_LENGTH} characters`);
  }
  return problems;
}

function isDayCount(value: unknown): boolean {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0;
  }
  return typeof value === 'string' && /^\d+$/.test(value);
}

/** 2025-02-30 is rejected, not rolled over. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
