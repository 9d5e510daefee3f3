import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  selectSecondaries,
  type CapillaryApiError,
  type MemberRow,
  type PartnerProgramUpdate,
  type PartnerUpdateResult,
  type PartnerUpdateType,
} from '@tiersync/capillary-client';
import { type GroupSyncCommand, type MemberAction, type PartnerUpdate } from '@tiersync/tier-events';
import { CAPILLARY_API, type CapillaryApi } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { PartnerTiersCache } from '../capillary/partner-tiers.cache';
import { TIER_SYNC_CONFIG, type SyncPolicy, type TierSyncConfig } from '../config/tier-sync.config';
import { SyncMetrics } from '../observability/sync.metrics';
import { type CommandOutcome } from './command-settlement';
import { failureRecordOf, type FailureRecord } from './failure-record';
import { type MemberReport } from './member-sync.runner';
import { SyncFailure } from './sync-failure.error';

/** "Link the customer with the partner program" (docs/architecture.md, API fact 22). */
const NOT_LINKED = 2004;

const ACTIONS: Record<string, { type: PartnerUpdateType; action: MemberAction }> = {
  UPGRADE: { type: 'UPGRADE', action: 'UPGRADE' },
  DOWNGRADE: { type: 'DOWNGRADE', action: 'DOWNGRADE' },
  RENEW: { type: 'RENEW', action: 'RENEWAL' },
};

/** The documented event gives the tier as a number only, so it is named through the cached
 * GET /v2/organization/programs (docs/architecture.md, API facts 22, 23 and 25). */
@Injectable()
export class PartnerSyncRunner {
  private readonly logger = new Logger(PartnerSyncRunner.name);
  private readonly policy: SyncPolicy;

  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'updatePartnerPrograms'>,
    @Inject(TIER_SYNC_CONFIG) { sync }: Pick<TierSyncConfig, 'sync'>,
    @Inject(SyncMetrics)
    private readonly metrics: Pick<SyncMetrics, 'recordContradiction' | 'recordPartnerUnlinked'>,
    @Inject(PartnerTiersCache) private readonly partnerTiers: Pick<PartnerTiersCache, 'nameOf'>,
    private readonly retry: CapillaryRetry,
  ) {
    this.policy = sync;
  }

  async run(command: GroupSyncCommand, members: MemberRow[], signal: AbortSignal): Promise<CommandOutcome> {
    const partner = command.partner;
    if (!partner) {
      throw new SyncFailure('partner update names no tier (no partner program)');
    }
    // An update that cannot be mirrored whatever its tier fails before a tier lookup costs a call.
    const mapped = actionOf(partner);
    const { update, action } = this.updateOf(partner, mapped, await this.tierNameOf(partner, signal));
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
    }
    if (this.policy.dryRun || selection.targets.length === 0) {
      return { members: [...reports.values()] };
    }
    let pending = selection.targets;
    let retryable: CapillaryApiError | undefined;
    // Each try re-sends only the customers whose last try failed retryably.
    const send = async (attempt: number): Promise<void> => {
      const results = await this.api.updatePartnerPrograms(
        pending.map((id) => ({ customer: { id }, partnerProgramUpdates: [update] })),
      );
      retryable = undefined;
      pending = [];
      let unlinked = 0;
      for (const result of results) {
        const id = result.input.customer.id ?? 0;
        if (result.mismatch) {
          this.metrics.recordContradiction('partner_answer');
          this.logger.error({
            msg: 'partner answer mismatch',
            groupId: command.groupId,
            reason: result.mismatch,
          });
        }
        // A secondary not linked to the partner program has nothing to mirror: skipped, not dead-lettered.
        if (isNotLinked(result)) {
          unlinked++;
          reports.set(id, {
            ...base(id, attempt),
            action: 'NONE',
            status: 'SKIPPED',
            note: `not linked to partner program ${update.partnerProgramName} (${NOT_LINKED})`,
          });
          continue;
        }
        const failure = result.ok ? undefined : failureOf(result);
        if (!failure) {
          reports.set(id, { ...base(id, attempt), status: 'ADJUSTED' });
          continue;
        }
        const retryAfter = result.error?.retryAfterMs;
        reports.set(id, {
          ...base(id, attempt),
          status: 'FAILED',
          note: 'partner update failed',
          error: failure,
          ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
        });
        if (failure.retryable) {
          pending.push(id);
          // The backoff honours the longest Retry-After of the batch.
          if (retryable === undefined || (retryAfter ?? 0) > (retryable.retryAfterMs ?? 0)) {
            retryable = result.error;
          }
        }
      }
      this.metrics.recordPartnerUnlinked(unlinked);
      if (retryable) {
        throw retryable;
      }
    };
    await this.retry.execute(send, signal).catch((error: unknown) => {
      if (error !== retryable) {
        throw error;
      }
    });
    return { members: [...reports.values()] };
  }

  /** A retryable failure that outlasts the tries is thrown, sending the command to the retry topic. */
  private async tierNameOf(partner: PartnerUpdate, signal: AbortSignal): Promise<string> {
    if (partner.tierName) {
      return partner.tierName;
    }
    const tierNumber = partner.tierNumber;
    if (tierNumber === undefined) {
      throw new SyncFailure(`partner update names no tier (${partner.partnerProgramName})`);
    }
    const name = await this.retry.execute(
      () => this.partnerTiers.nameOf(partner.partnerProgramName, tierNumber),
      signal,
    );
    if (name === undefined) {
      throw new SyncFailure(
        `partner program ${partner.partnerProgramName} has no tier ${tierNumber} in GET /v2/organization/programs`,
      );
    }
    return name;
  }

  private updateOf(
    partner: PartnerUpdate,
    mapped: { type: PartnerUpdateType; action: MemberAction },
    tierName: string,
  ): { update: PartnerProgramUpdate; action: MemberAction } {
    const expiry = this.policy.validity.alignToPrimary ? partner.tierExpiryDate : undefined;
    return {
      action: mapped.action,
      update: {
        partnerProgramName: partner.partnerProgramName,
        updateType: mapped.type,
        updateDetails: {
          updatedTierName: tierName,
          ...(expiry ? { updatedTierExpiryDate: expiry } : {}),
        },
      },
    };
  }
}

function actionOf(partner: PartnerUpdate): { type: PartnerUpdateType; action: MemberAction } {
  const mapped = ACTIONS[partner.updateType ?? ''];
  if (!mapped) {
    throw new SyncFailure(
      `partner updateType ${partner.updateType ?? '(none)'} is not UPGRADE, DOWNGRADE or RENEW`,
    );
  }
  return mapped;
}

function isNotLinked(result: PartnerUpdateResult): boolean {
  const failed = result.programs.filter((p) => !p.ok);
  return (
    !result.ok &&
    result.error === undefined &&
    result.customerStatus?.ok !== false &&
    failed.length > 0 &&
    failed.every((p) => p.code === NOT_LINKED)
  );
}

/** A per-customer status failure (2002-2028) is permanent. */
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
