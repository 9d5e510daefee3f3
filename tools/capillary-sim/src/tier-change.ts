import { type SimContext } from './sim-context';
import { type SimCustomer, type SimProgram, type SimTierState } from './sim.types';
import { type TierAction } from './webhook-payloads';

export interface TierMove {
  tierNumber: number;
  expiryDate?: string;
  reassessOnNextActivity?: boolean;
}

/** Like Capillary, fires the tier event for THAT customer, so a sync's own adjustments echo back. */
export function moveCustomerTier(
  ctx: SimContext,
  customer: SimCustomer,
  program: SimProgram,
  move: TierMove,
  action: TierAction | undefined,
  cause: 'ADJUSTMENT' | 'ACTIVITY',
  apiRequestId: string,
): { previous: SimTierState; current: SimTierState } {
  const state = ctx.state.tierState(customer.tiers, program);
  const previous = { ...state };
  applyMove(state, move);
  if (action) {
    const tierName = ctx.state.tierByNumber(program, state.tierNumber)?.name ?? String(state.tierNumber);
    ctx.events.tierChanged({
      customer,
      program,
      previousTierNumber: previous.tierNumber,
      tier: { ...state },
      action,
      cause,
      apiRequestId,
      notes: `${action === 'RENEWAL' ? 'Renewing' : 'Moving to'} Slab : Slab[${state.tierNumber}]: Name [${tierName}]`,
    });
  }
  return { previous, current: { ...state } };
}

export function applyMove(state: SimTierState, move: TierMove): void {
  state.tierNumber = move.tierNumber;
  if (move.expiryDate !== undefined) {
    state.expiryDate = move.expiryDate;
  }
  if (move.reassessOnNextActivity !== undefined) {
    state.reassessOnNextActivity = move.reassessOnNextActivity;
  }
}

export function actionFor(from: number, to: number): TierAction {
  return to > from ? 'UPGRADE' : to < from ? 'DOWNGRADE' : 'RENEWAL';
}
