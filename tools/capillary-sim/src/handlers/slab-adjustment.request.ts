import { type SimContext, type SimRequest } from '../sim-context';
import { parseDay } from '../sim-dates';
import { invalidInput, SimApiError } from '../sim-error';

/** Mirrors CAPILLARY_SOURCES of the client, which a tool may not import (module boundaries). */
const SOURCES = new Set([
  'INSTORE',
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
]);
const ACTIONS = ['UPGRADE', 'DOWNGRADE', 'RENEWAL', 'EXTEND_CURRENT_TIER_EXPIRY_DATE'] as const;
const VALIDITIES = [
  'FIXED_DURATION',
  'SPECIFIC_DATE',
  'CURRENT_TIER_EXPIRY_DATE',
  'AS_PER_TIER_STRATEGY',
] as const;

export interface AdjustmentBody {
  programId: number;
  slabAction: (typeof ACTIONS)[number];
  toSlabName?: string;
  manualSlabActionValidity: (typeof VALIDITIES)[number];
  manualSlabActionValidityUpto?: unknown;
  reassessTierOnNextActivity?: boolean;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/** In the order of the documented error table, so the first code matches Capillary's. */
export function readAdjustment(req: SimRequest, ctx: SimContext): AdjustmentBody {
  if (!SOURCES.has(req.query.get('source') ?? '')) {
    throw invalidInput('source is missing or not supported');
  }
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidInput('request body must be a JSON object');
  }
  const raw = body as Record<string, unknown>;
  const programId = Number(raw['programId']);
  if (!Number.isInteger(programId) || !ctx.state.program(programId)) {
    throw new SimApiError(400, 1101, 'invalid programId passed');
  }
  const slabAction = oneOf(ACTIONS, raw['slabAction']);
  if (!slabAction) {
    throw new SimApiError(400, 8917, 'slabAction field is not set');
  }
  const validity = oneOf(VALIDITIES, raw['manualSlabActionValidity']);
  if (!validity) {
    throw new SimApiError(400, 8920, 'manualSLabActionValidity field is not set');
  }
  const upto = raw['manualSlabActionValidityUpto'];
  if (
    validity === 'FIXED_DURATION' &&
    !/^\d+$/.test(typeof upto === 'number' || typeof upto === 'string' ? String(upto) : '')
  ) {
    throw new SimApiError(400, 8921, 'manualSLabActionValidityUpto value should be an integer');
  }
  if (validity === 'SPECIFIC_DATE' && !parseDay(upto)) {
    throw new SimApiError(
      400,
      8921,
      'manualSLabActionValidityUpto value should be a date in YYYY-MM-DD format',
    );
  }
  const reason = raw['slabChangeReason'];
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 255)) {
    throw invalidInput('slabChangeReason must be a string of at most 255 characters');
  }
  const toSlabName = raw['toSlabName'];
  const reassess = raw['reassessTierOnNextActivity'];
  return {
    programId,
    slabAction,
    toSlabName: typeof toSlabName === 'string' ? toSlabName : undefined,
    manualSlabActionValidity: validity,
    manualSlabActionValidityUpto: upto,
    reassessTierOnNextActivity: typeof reassess === 'boolean' ? reassess : undefined,
  };
}
