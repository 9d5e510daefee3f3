import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { addDays, addMonths, humanDate, isoDay, parseDay } from '../sim-dates';
import { invalidInput, SimApiError } from '../sim-error';
import { type SimCustomer, type SimGroup, type SimProgram, type SimTierState } from '../sim.types';
import { applyMove, moveCustomerTier } from '../tier-change';
import { type TierAction } from '../webhook-payloads';
import { readAdjustment, type AdjustmentBody } from './slab-adjustment.request';

type Target = { kind: 'USER'; customer: SimCustomer } | { kind: 'USERGROUP2'; group: SimGroup };

/** docs/architecture.md, API facts 16-19. */
export function manualSlabAdjustment(req: SimRequest, ctx: SimContext): SimReply {
  const body = readAdjustment(req, ctx);
  const target = resolveTarget(req, ctx);
  const program = ctx.state.program(body.programId);
  if (!program) {
    throw new SimApiError(400, 1101, 'invalid programId passed');
  }
  const tiers = target.kind === 'USER' ? target.customer.tiers : target.group.tiers;
  const current = ctx.state.tierState(tiers, program);
  const tierNumber = targetTier(ctx, program, body, current);
  if (target.kind === 'USER' && target.customer.status !== 'ACTIVE') {
    throw new SimApiError(
      400,
      3045,
      `Manual tier adjustment not allowed for customer with status ${target.customer.status}`,
    );
  }
  const expiryDate = expiryFor(ctx, program, body, current);
  const move = { tierNumber, expiryDate, reassessOnNextActivity: body.reassessTierOnNextActivity };
  const previous = { ...current };
  if (target.kind === 'USER') {
    const action: TierAction | undefined =
      body.slabAction === 'EXTEND_CURRENT_TIER_EXPIRY_DATE' ? undefined : body.slabAction;
    moveCustomerTier(ctx, target.customer, program, move, action, 'ADJUSTMENT', req.requestId);
  } else {
    // Group tiers change silently: no group tier event is documented (docs/architecture.md, API fact 8).
    applyMove(current, move);
  }
  const name = (n: number) => ctx.state.tierByNumber(program, n)?.name ?? String(n);
  return {
    status: 200,
    body: {
      programId: program.programId,
      entityId: target.kind === 'USER' ? target.customer.customerId : target.group.groupId,
      sideEffects: [
        {
          entityType: target.kind,
          previousSlabName: name(previous.tierNumber),
          previousSlabNumber: previous.tierNumber,
          upgradedSlabName: name(tierNumber),
          upgradedSlabNumber: tierNumber,
          slabExpiryDate: humanDate(expiryDate),
          type: 'slab',
        },
      ],
      warnings: [],
    },
  };
}

function resolveTarget(req: SimRequest, ctx: SimContext): Target {
  const identifierName = req.query.get('identifierName') ?? '';
  const identifierValue = req.query.get('identifierValue') ?? '';
  const type = req.query.get('type') ?? 'CUSTOMER';
  if (!['id', 'mobile', 'externalId'].includes(identifierName)) {
    throw invalidInput('identifierName must be one of mobile, id, externalId');
  }
  if (identifierName === 'id' && !/^\d+$/.test(identifierValue)) {
    throw new SimApiError(400, 11030, 'identifierValue must be numeric when identifierName is id');
  }
  if (type === 'USERGROUP2') {
    const group =
      identifierName === 'id'
        ? ctx.state.group(Number(identifierValue))
        : ctx.state.groupByExternalId(identifierValue);
    if (!group) {
      throw new SimApiError(400, 1619, 'Invalid group id');
    }
    return { kind: 'USERGROUP2', group };
  }
  if (type !== 'CUSTOMER') {
    throw invalidInput('type must be CUSTOMER or USERGROUP2');
  }
  const customer = ctx.state.customerBy(identifierName, identifierValue);
  if (!customer) {
    throw new SimApiError(400, 8015, 'Customer not found for the given identifiers');
  }
  return { kind: 'USER', customer };
}

function targetTier(
  ctx: SimContext,
  program: SimProgram,
  body: AdjustmentBody,
  current: SimTierState,
): number {
  if (body.slabAction !== 'UPGRADE' && body.slabAction !== 'DOWNGRADE') {
    return current.tierNumber;
  }
  const tier = body.toSlabName ? ctx.state.tierByName(program, body.toSlabName) : undefined;
  if (!tier) {
    throw new SimApiError(400, 8923, 'slab not found for the given slab name');
  }
  if (body.slabAction === 'UPGRADE' && tier.serialNumber <= current.tierNumber) {
    throw new SimApiError(400, 8925, 'target slab must be higher than the current slab');
  }
  // Inference: the vendor documents no separate code for a DOWNGRADE that is not lower.
  if (body.slabAction === 'DOWNGRADE' && tier.serialNumber >= current.tierNumber) {
    throw new SimApiError(400, 8925, 'target slab must be lower than the current slab');
  }
  return tier.serialNumber;
}

function expiryFor(
  ctx: SimContext,
  program: SimProgram,
  body: AdjustmentBody,
  current: SimTierState,
): string {
  const today = isoDay(ctx.now());
  const extending = body.slabAction === 'EXTEND_CURRENT_TIER_EXPIRY_DATE';
  const base = extending && current.expiryDate ? current.expiryDate : today;
  switch (body.manualSlabActionValidity) {
    case 'FIXED_DURATION':
      // The day of the change counts as day 0 (docs/architecture.md, API fact 17).
      return addDays(base, Number(body.manualSlabActionValidityUpto));
    case 'SPECIFIC_DATE':
      return parseDay(body.manualSlabActionValidityUpto) ?? today;
    case 'CURRENT_TIER_EXPIRY_DATE':
      return current.expiryDate ?? addMonths(today, program.tierValidityMonths);
    case 'AS_PER_TIER_STRATEGY':
      return addMonths(base, program.tierValidityMonths);
  }
}
