import { MAX_REASON_LENGTH, type ManualSlabAdjustmentRequest } from '@tiersync/capillary-client';
import { type GroupSyncCommand } from '@tiersync/tier-events';
import { type SyncPolicy, type ValidityPolicy } from '../config/tier-sync.config';
import { type TierRef } from './member-planner';

export type AdjustmentAction = 'UPGRADE' | 'DOWNGRADE' | 'RENEWAL';

export interface AdjustmentInput {
  programId: number;
  action: AdjustmentAction;
  target: TierRef;
  primaryExpiry?: string;
  reason: string;
}

type Validity = Pick<
  ManualSlabAdjustmentRequest,
  'manualSlabActionValidity' | 'manualSlabActionValidityUpto'
>;

/** docs/architecture.md, API facts 16-17. */
export function buildAdjustmentRequest(
  input: AdjustmentInput,
  policy: Pick<SyncPolicy, 'validity' | 'renewalAction'>,
): ManualSlabAdjustmentRequest {
  const renewal = input.action === 'RENEWAL';
  return {
    programId: input.programId,
    slabAction: renewal ? policy.renewalAction : input.action,
    // Names, never numbers; a renewal keeps the member's own (equal) tier and needs none.
    ...(renewal ? {} : { toSlabName: input.target.name }),
    ...validityOf(policy.validity, input.primaryExpiry),
    ...(policy.validity.reassessOnNextActivity ? { reassessTierOnNextActivity: true } : {}),
    slabChangeReason: input.reason,
  };
}

/** Without a readable primary expiry, falls back to the configured validity rather than fail the member. */
export function validityOf(policy: ValidityPolicy, primaryExpiry?: string): Validity {
  const aligned = policy.alignToPrimary ? calendarDateOf(primaryExpiry) : undefined;
  if (aligned !== undefined) {
    return { manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: aligned };
  }
  switch (policy.kind) {
    case 'FIXED_DURATION':
    case 'SPECIFIC_DATE':
      return { manualSlabActionValidity: policy.kind, manualSlabActionValidityUpto: policy.upto };
    case 'AS_PER_TIER_STRATEGY':
    case 'CURRENT_TIER_EXPIRY_DATE':
      return { manualSlabActionValidity: policy.kind };
  }
}

/** The date as the server's zone states it, not converted to UTC. */
export function calendarDateOf(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim()) : null;
  return match?.[1];
}

/** Names the trigger so an adjustment in Capillary's history leads back to its cause. */
export function buildReason(
  prefix: string,
  command: Pick<GroupSyncCommand, 'commandId' | 'kind' | 'primaryCustomerId' | 'trigger' | 'attempt'>,
  action: AdjustmentAction,
  target: TierRef,
): string {
  const trigger = command.trigger.eventId
    ? `event ${command.trigger.eventName ?? 'unknown'} ${command.trigger.eventId}`
    : `${command.kind.toLowerCase()} ${command.trigger.action.toLowerCase()}`;
  const parts = [
    `${prefix} ${action} to ${target.name ?? `tier ${target.number}`}`,
    `primary ${command.primaryCustomerId}`,
    trigger,
    `command ${command.commandId}`,
    ...(command.attempt > 0 ? [`attempt ${command.attempt + 1}`] : []),
  ];
  return parts.join(', ').slice(0, MAX_REASON_LENGTH);
}
