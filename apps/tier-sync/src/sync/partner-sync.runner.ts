import {
  type PartnerProgramUpdate,
  type PartnerUpdateResult,
  type PartnerUpdateType,
} from '@tiersync/capillary-client';
import { type GroupSyncCommand, type MemberAction, type PartnerUpdate } from '@tiersync/tier-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CapillaryApi } from '../capillary/capillary.api';
import { type SyncPolicy } from '../config/tier-sync.config';
import { backoffDelay, type Random } from './backoff';
import { type CommandOutcome } from './command-settlement';
import { failureRecordOf, type FailureRecord } from './failure-classification';
import { selectSecondaries, type MemberRow } from './member-selection';
import { type MemberReport } from './member-sync.runner';
import { SyncFailure } from './sync-failure.error';

const ACTIONS: Record<string, { type: PartnerUpdateType; action: MemberAction }> = {
  UPGRADE: { type: 'UPGRADE', action: 'UPGRADE' },
  DOWNGRADE: { type: 'DOWNGRADE', action: 'DOWNGRADE' },
  RENEW: { type: 'RENEW', action: 'RENEWAL' },
};

/**
 * The primary-led sync for a partner-program tier (docs/architecture.md, API fact 22): every active
 * secondary gets the primary's partner tier, as the primary's event names it, through
 * customerPartnerProgramUpdate (the client batches <= 50 customers per request and maps each customer's
 * status back). Retryable failures are re-sent in process for only the customers that failed; the rest
 * are settled like any member failure.
 */
export class PartnerSyncRunner {
  constructor(
    private readonly api: Pick<CapillaryApi, 'updatePartnerPrograms'>,
    private readonly policy: SyncPolicy,
    private readonly random?: Random,
  ) {}

  async run(command: GroupSyncCommand, members: MemberRow[], signal: AbortSignal): Promise<CommandOutcome> {
    const { update, action } = this.updateOf(command.partner);
    const selection = selectSecondaries(members, command.primaryCustomerId, command.memberIds);
    const reports = new Map<number, MemberReport>();
    const base = (customerId: number, attempts: number) => ({
      customerId,
      action,
      attempts,
      note: update.updateType,
    });
    selection.skipped.forEach((s) =>
      reports.set(s.customerId, {
        ...base(s.customerId, 0),
        action: 'NONE',
        status: 'SKIPPED',
        note: s.note,
      }),
    );
    if (this.policy.dryRun) {
      selection.targets.forEach((id) => reports.set(id, { ...base(id, 0), status: 'PLANNED' }));
      return { members: [...reports.values()] };
    }
    const { inProcessAttempts, backoffBaseMs, backoffMaxMs } = this.policy.retry;
    let pending = selection.targets;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const results = await this.api.updatePartnerPrograms(
        pending.map((id) => ({ customer: { id }, partnerProgramUpdates: [update] })),
      );
      const retry: number[] = [];
      let retryAfterMs = 0;
      for (const result of results) {
        const id = result.input.customer.id ?? 0;
        const failure = result.ok ? undefined : failureOf(result);
        if (!failure) {
          reports.set(id, { ...base(id, attempt), status: 'ADJUSTED' });
        } else if (failure.retryable && attempt < inProcessAttempts) {
          retry.push(id);
          retryAfterMs = Math.max(retryAfterMs, result.error?.retryAfterMs ?? 0);
        } else {
          const retryAfter = result.error?.retryAfterMs;
          reports.set(id, {
            ...base(id, attempt),
            status: 'FAILED',
            note: 'partner update failed',
            error: failure,
            ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
          });
        }
      }
      pending = retry;
      if (pending.length > 0) {
        const delay = backoffDelay(
          attempt,
          { baseMs: backoffBaseMs, maxMs: backoffMaxMs, retryAfterMs },
          this.random,
        );
        await sleep(delay, undefined, { signal });
      }
    }
    return { members: [...reports.values()] };
  }

  private updateOf(partner: PartnerUpdate | undefined): {
    update: PartnerProgramUpdate;
    action: MemberAction;
  } {
    if (!partner?.tierName) {
      throw new SyncFailure(
        `partner update names no tier (${partner?.partnerProgramName ?? 'no partner program'})`,
      );
    }
    const mapped = ACTIONS[partner.updateType ?? ''];
    if (!mapped) {
      throw new SyncFailure(
        `partner updateType ${partner.updateType ?? '(none)'} is not UPGRADE, DOWNGRADE or RENEW`,
      );
    }
    const expiry = this.policy.validity.alignToPrimary ? partner.tierExpiryDate : undefined;
    return {
      action: mapped.action,
      update: {
        partnerProgramName: partner.partnerProgramName,
        updateType: mapped.type,
        updateDetails: {
          updatedTierName: partner.tierName,
          ...(expiry ? { updatedTierExpiryDate: expiry } : {}),
        },
      },
    };
  }
}

/** A whole-request failure keeps its classification; a per-customer status failure (2002-2028) is permanent. */
function failureOf(result: PartnerUpdateResult): FailureRecord {
  if (result.error) {
    return failureRecordOf(result.error);
  }
  const failed = [result.customerStatus, ...result.programs].find((s) => s && !s.ok);
  return {
    message: failed?.message ?? 'partner update failed',
    ...(failed?.code === undefined ? {} : { code: failed.code }),
    retryable: false,
  };
}
