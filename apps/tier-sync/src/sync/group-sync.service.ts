import { type CustomerProgramTier } from '@tiersync/capillary-client';
import { type GroupSyncCommand } from '@tiersync/tier-events';
import { type CapillaryApi, readProgramTier } from '../capillary/capillary.api';
import { type SyncPolicy } from '../config/tier-sync.config';
import { type Delivery } from '../messaging/message-headers';
import { type GroupLeaderCache } from '../router/group-leader.cache';
import { type CommandOutcome } from './command-settlement';
import { failureRecordOf, retryAfterOf } from './failure-classification';
import { activePrimaryOf, type MemberRow, selectSecondaries } from './member-selection';
import { type MemberReport, type MemberSyncRunner } from './member-sync.runner';
import { type PartnerSyncRunner } from './partner-sync.runner';
import { retrying } from './retry-loop';
import { SyncFailure } from './sync-failure.error';
import { type SyncTargetResolver } from './sync-target.resolver';

export interface GroupSyncDeps {
  api: Pick<CapillaryApi, 'getGroupMembers' | 'getCustomerLoyalty'>;
  policy: SyncPolicy;
  members: MemberSyncRunner;
  partners: PartnerSyncRunner;
  targets: SyncTargetResolver;
  leaders: GroupLeaderCache;
}

/**
 * Runs one group command: members -> target -> per-member read/plan/adjust, concurrently (the client's
 * rate limit and concurrency cap bound the calls). Returns what happened; failures are settled
 * (retry topic / DLQ) by the caller. A group-level failure is returned, not thrown, unless the consumer
 * abandoned the message (then nothing may be published for it).
 */
export class GroupSyncService {
  constructor(private readonly deps: GroupSyncDeps) {}

  async run(command: GroupSyncCommand, delivery: Pick<Delivery, 'signal'>): Promise<CommandOutcome> {
    try {
      return await this.sync(command, delivery.signal);
    } catch (error) {
      if (delivery.signal.aborted) {
        throw error;
      }
      const note = error instanceof SyncFailure ? 'cannot sync' : 'group read failed';
      return {
        members: [],
        failure: { error: failureRecordOf(error), retryAfterMs: retryAfterOf(error), note },
      };
    }
  }

  private async sync(command: GroupSyncCommand, signal: AbortSignal): Promise<CommandOutcome> {
    const members = await this.read(() => this.deps.api.getGroupMembers(command.groupId), signal);
    const primary = activePrimaryOf(members);
    if (primary !== command.primaryCustomerId) {
      this.deps.leaders.forget(command.primaryCustomerId);
      const actual = primary === undefined ? 'it has no active primary' : `its primary is ${primary}`;
      return {
        members: [],
        ignored: `customer ${command.primaryCustomerId} does not lead group ${command.groupId}: ${actual}`,
      };
    }
    if (this.deps.policy.echoShortcut) {
      const secondaries = members.filter((m) => m.active && !m.primaryMember).map((m) => m.customerId);
      const secondaryOf = {
        groupId: command.groupId,
        primaryCustomerId: primary,
        commandId: command.commandId,
      };
      this.deps.leaders.rememberSecondaries(secondaryOf, secondaries);
    }
    if (command.kind === 'PARTNER_SYNC') {
      return this.deps.partners.run(command, members, signal);
    }
    return this.syncTiers(command, members, primary, signal);
  }

  private async syncTiers(
    command: GroupSyncCommand,
    members: MemberRow[],
    primary: number,
    signal: AbortSignal,
  ): Promise<CommandOutcome> {
    const program = command.programId;
    if (program === undefined) {
      throw new SyncFailure(`${command.kind} command names no loyalty program`);
    }
    // Read the primary at most once, and only when the target or the expiry needs it.
    let primaryTier: Promise<CustomerProgramTier | undefined> | undefined;
    const readPrimary = () =>
      (primaryTier ??= this.read(() => readProgramTier(this.deps.api, primary, program), signal));
    const target = await this.deps.targets.resolve(command, program, readPrimary);
    const selection = selectSecondaries(members, primary, command.memberIds);
    const context = {
      command,
      programId: program,
      target: target.tier,
      renewal: command.trigger.action === 'RENEWAL',
      signal,
      ...(target.primaryExpiry ? { primaryExpiry: target.primaryExpiry } : {}),
    };
    const reports = await Promise.all(selection.targets.map((id) => this.deps.members.run(id, context)));
    const skipped = selection.skipped.map((s): MemberReport => ({
      customerId: s.customerId,
      action: 'NONE',
      status: 'SKIPPED',
      attempts: 0,
      note: s.note,
    }));
    return { programId: program, target: target.tier, members: [...reports, ...skipped] };
  }

  private read<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const { retry } = this.deps.policy;
    return retrying(call, {
      attempts: retry.inProcessAttempts,
      baseMs: retry.backoffBaseMs,
      maxMs: retry.backoffMaxMs,
      signal,
    });
  }
}
