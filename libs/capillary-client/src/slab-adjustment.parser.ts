import { asArray, asRecord, compact, isRecord, optNumber, optString, reqNumber } from './json-reader';
import { type ApiWarning, type ManualSlabAdjustmentResponse } from './slab-adjustment.types';

export function parseSlabAdjustment(body: unknown): ManualSlabAdjustmentResponse {
  const response = asRecord(body, 'manualSlabAdjustment');
  return {
    programId: reqNumber(response, 'programId', 'manualSlabAdjustment'),
    entityId: reqNumber(response, 'entityId', 'manualSlabAdjustment'),
    sideEffects: asArray(response['sideEffects'] ?? [], 'sideEffects').map((raw) => {
      const row = asRecord(raw, 'sideEffects[]');
      return {
        entityType: optString(row['entityType']) ?? 'USER',
        previousSlabName: optString(row['previousSlabName']) ?? '',
        previousSlabNumber: optNumber(row['previousSlabNumber']) ?? 0,
        upgradedSlabName: optString(row['upgradedSlabName']) ?? '',
        upgradedSlabNumber: optNumber(row['upgradedSlabNumber']) ?? 0,
        slabExpiryDate: optString(row['slabExpiryDate']) ?? '',
        type: optString(row['type']) ?? 'slab',
      };
    }),
    warnings: parseWarnings(response['warnings']),
  };
}

export function parseWarnings(raw: unknown): ApiWarning[] {
  return (Array.isArray(raw) ? raw : [])
    .filter(isRecord)
    .map((w) => compact({ code: optNumber(w['code']), message: optString(w['message']) ?? '' }));
}
