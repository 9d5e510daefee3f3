import { Inject, Injectable } from '@nestjs/common';
import {
  classifyFailure,
  isAlreadyAtTarget,
  isCapillaryApiError,
  type ManualSlabAdjustmentResponse,
  retryAfterOf,
} from '@tiersync/capillary-client';
import { type AppliedBy, type GroupSyncCommand, type MemberAction, type Plain } from '@tiersync/tier-events';
import { CAPILLARY_API, type CapillaryApi, readProgramTier } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { type SyncPolicy, TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { buildAdjustmentRequest, buildReason } from './adjustment-request.builder';
import { type FailureRecord, failureRecordOf } from './failure-record';
import { type MemberPlan, planMember, type TierRef } from './member-planner';
import { type RunJournal } from './run-journal';

export interface MemberSyncContext {
  command: GroupSyncCommand;
  programId: number;
  target: TierRef & { name: string };
  primaryExpiry?: string;
  renewal: boolean;
  signal?: AbortSignal;
  journal?: Pick<RunJournal, 'intend' | 'refused' | 'pass'>;
}

export type MemberStatus = 'ADJUSTED' | 'UNCHANGED' | 'SKIPPED' | 'PLANNED' | 'FAILED' | 'ALREADY_APPLIED';

export interface MemberReport {
  customerId: number;
  tierBefore?: TierRef;
  tierAfter?: TierRef;
  action: MemberAction;
  status: MemberStatus;
  attempts: number;
  note: string;
  error?: FailureRecord;
  retryAfterMs?: number;
  sideEffects?: unknown[];
  appliedBy?: Plain<AppliedBy>;
}

type Planned = { current?: TierRef; plan: MemberPlan };

/** A write this run sent whose answer never came: Capillary may have applied it. */
type Unanswered = { action: MemberAction; fromTier?: TierRef; toTier: TierRef; error: string };

interface MemberTries {
  last?: Planned;
  unanswered?: Unanswered;
}

/** Re-read on every try, so a retry after a lost answer finds the member already adjusted. */
@Injectable()
export class MemberSyncRunner {
  private readonly policy: SyncPolicy;

  constructor(
    @Inject(CAPILLARY_API)
    private readonly api: Pick<CapillaryApi, 'getCustomerLoyalty' | 'manualSlabAdjustment'>,
    @Inject(TIER_SYNC_CONFIG) { sync }: Pick<TierSyncConfig, 'sync'>,
    private readonly retry: CapillaryRetry,
  ) {
    this.policy = sync;
  }

  async run(customerId: number, ctx: MemberSyncContext): Promise<MemberReport> {
    let attempts = 0;
    const tries: MemberTries = {};
    try {
      const report = await this.retry.execute((attempt) => {
        attempts = attempt;
        return this.once(customerId, ctx, attempt, tries).finally(() => ctx.journal?.pass(customerId));
      }, ctx.signal);
      return { ...appliedDespiteLostAnswer(report, tries.unanswered), attempts };
    } catch (error) {
      const last = tries.last;
      if (ctx.signal?.aborted) {
        throw error;
      }
      const again = classifyFailure(error) === 'already-at-target';
      return {
        customerId,
        ...(last?.current ? { tierBefore: last.current } : {}),
        action: last?.plan.action ?? 'NONE',
        status: 'FAILED',
        attempts,
        note: again ? 'refused with 8925 again after re-reading the member' : 'adjustment failed',
        error: failureRecordOf(error),
        retryAfterMs: retryAfterOf(error),
      };
    }
  }

  private async once(
    customerId: number,
    ctx: MemberSyncContext,
    attempt: number,
    tries: MemberTries,
  ): Promise<Omit<MemberReport, 'attempts'>> {
    const unread = this.unreadUpgrade(ctx, attempt);
    const first = unread ?? (await this.plan(customerId, ctx));
    tries.last = first;
    const early = this.withoutCall(customerId, first);
    if (early) {
      return early;
    }
    try {
      return await this.adjust(customerId, ctx, first, tries);
    } catch (error) {
      const refused = isAlreadyAtTarget(error);
      if (!refused && !(unread && classifyFailure(error) === 'permanent')) {
        throw error;
      }
      // 8925: the member moved after we read it, or was never read. Any other refusal of an unread
      // UPGRADE is settled as a read-first plan would have settled it (no tier, already there).
      const second = await this.plan(customerId, ctx);
      tries.last = second;
      const settled = this.withoutCall(customerId, second);
      if (settled) {
        const why = refused ? '8925' : String(failureRecordOf(error).code ?? 'a refusal');
        return { ...settled, note: `${settled.note} (re-planned after ${why})` };
      }
      if (!refused && second.plan.action === 'UPGRADE') {
        throw error;
      }
      return await this.adjust(customerId, ctx, second, tries);
    }
  }

  /** docs/architecture.md, API fact 26: Capillary refuses with 8925 an UPGRADE of a member at or above the
   * target, so the first try of an upgrade trigger sends it unread; retries read first. */
  private unreadUpgrade(ctx: MemberSyncContext, attempt: number): Planned | undefined {
    const upgrade =
      this.policy.upgradeWithoutRead &&
      !this.policy.dryRun &&
      attempt === 1 &&
      !ctx.renewal &&
      ctx.command.trigger.action === 'UPGRADE';
    return upgrade
      ? { plan: { action: 'UPGRADE', note: `upgraded to tier ${ctx.target.number} without a read` } }
      : undefined;
  }

  private async plan(customerId: number, ctx: MemberSyncContext): Promise<Planned> {
    const tier = await readProgramTier(this.api, customerId, ctx.programId);
    const current = tier ? { number: tier.slabSNo, name: tier.currentSlab } : undefined;
    const plan = planMember({
      current,
      target: ctx.target,
      downgradePolicy: this.policy.downgradePolicy,
      renewal: ctx.renewal,
    });
    return { ...(current ? { current } : {}), plan };
  }

  private withoutCall(
    customerId: number,
    { current, plan }: Planned,
  ): Omit<MemberReport, 'attempts'> | undefined {
    const base = {
      customerId,
      action: plan.action,
      note: plan.note,
      ...(current ? { tierBefore: current } : {}),
    };
    if (plan.skip) {
      return { ...base, status: 'SKIPPED' };
    }
    if (this.policy.dryRun) {
      return { ...base, status: 'PLANNED' };
    }
    return plan.action === 'NONE'
      ? { ...base, status: 'UNCHANGED', ...(current ? { tierAfter: current } : {}) }
      : undefined;
  }

  private async adjust(
    customerId: number,
    ctx: MemberSyncContext,
    { current, plan }: Planned,
    tries: MemberTries,
  ): Promise<Omit<MemberReport, 'attempts'>> {
    const action = plan.action as 'UPGRADE' | 'DOWNGRADE' | 'RENEWAL';
    const request = buildAdjustmentRequest(
      {
        programId: ctx.programId,
        action,
        target: ctx.target,
        primaryExpiry: ctx.primaryExpiry,
        reason: buildReason(this.policy.reasonPrefix, ctx.command, action, ctx.target),
      },
      this.policy,
    );
    const { number, name } = ctx.target;
    const fromTier = current ? { fromTier: current } : {};
    await ctx.journal?.intend({ customerId, action, ...fromTier, toTier: { number, name } });
    const response = await this.api
      .manualSlabAdjustment(customerId, request)
      .catch(async (error: unknown) => {
        if (answerLost(error)) {
          tries.unanswered = {
            action,
            ...fromTier,
            toTier: { number, name },
            error: failureRecordOf(error).message,
          };
        } else if (isAlreadyAtTarget(error) || classifyFailure(error) === 'permanent') {
          await ctx.journal?.refused(customerId);
        }
        throw error;
      });
    const before = current ?? tierBeforeOf(response);
    return {
      customerId,
      ...(before ? { tierBefore: before } : {}),
      tierAfter: tierAfterOf(response, ctx.target),
      action,
      status: 'ADJUSTED',
      note: plan.note,
      sideEffects: response.sideEffects,
    };
  }
}

/** Network errors, timeouts and 5xx may come after Capillary applied the write; 408, 429 and 521 say it
 * was not taken. */
function answerLost(error: unknown): boolean {
  if (!isCapillaryApiError(error) || !error.retryable) {
    return false;
  }
  const status = error.status ?? 0;
  return error.kind === 'network' || error.kind === 'timeout' || (status >= 500 && status !== 521);
}

/**
 * A member this run wrote to without an answer, found on the target by a later try, was moved by that write:
 * reported ADJUSTED, since no other record would list the adjustment (its own intent names this run).
 */
function appliedDespiteLostAnswer(
  report: Omit<MemberReport, 'attempts'>,
  unanswered: Unanswered | undefined,
): Omit<MemberReport, 'attempts'> {
  if (!unanswered || report.status !== 'UNCHANGED' || report.tierAfter?.number !== unanswered.toTier.number) {
    return report;
  }
  const { tierBefore: _read, ...rest } = report;
  return {
    ...rest,
    ...(unanswered.fromTier ? { tierBefore: unanswered.fromTier } : {}),
    action: unanswered.action,
    status: 'ADJUSTED',
    note: `answer lost (${unanswered.error}); found on tier ${unanswered.toTier.number} on the re-read: applied as planned`,
  };
}

function slabEffectOf(response: ManualSlabAdjustmentResponse) {
  return response.sideEffects.find((e) => e.type === 'slab') ?? response.sideEffects[0];
}

/** The side effect says `upgradedSlab*` for downgrades and renewals too. */
function tierAfterOf(response: ManualSlabAdjustmentResponse, fallback: TierRef): TierRef {
  const effect = slabEffectOf(response);
  return effect ? { number: effect.upgradedSlabNumber, name: effect.upgradedSlabName } : fallback;
}

/** An unread member's tier before is the one the adjustment reports (API fact 18). */
function tierBeforeOf(response: ManualSlabAdjustmentResponse): TierRef | undefined {
  const effect = slabEffectOf(response);
  return effect ? { number: effect.previousSlabNumber, name: effect.previousSlabName } : undefined;
}
