import { Inject, Injectable } from '@nestjs/common';
import {
  activePrimaryOf,
  type CustomerProgramTier,
  type MemberRow,
  retryAfterOf,
  selectSecondaries,
} from '@tiersync/capillary-client';
import { type GroupSyncCommand } from '@tiersync/tier-events';
import { CAPILLARY_API, type CapillaryApi, readProgramTier } from '../capillary/capillary.api';
import { CapillaryRetry } from '../capillary/capillary.retry';
import { KnownPrimaries } from '../capillary/known-primaries';
import { type SyncPolicy, TIER_SYNC_CONFIG, type TierSyncConfig } from '../config/tier-sync.config';
import { type Delivery } from '../messaging/message-headers';
import { type CommandOutcome } from './command-settlement';
import { CustomerRolesTable } from './customer-roles.table';
import { failureRecordOf } from './failure-record';
import { GroupMembershipReader } from './group-membership.reader';
import { type MemberReport, MemberSyncRunner } from './member-sync.runner';
import { PartnerSyncRunner } from './partner-sync.runner';
import { RolesWriteError } from './roles-write.error';
import { type RunJournal } from './run-journal';
import { SyncFailure } from './sync-failure.error';
import { SyncTargetResolver } from './sync-target.resolver';

type RunJournalPort = Pick<RunJournal, 'expect' | 'intend' | 'pass' | 'refused'>;

/** Members run concurrently: the client's rate limit and concurrency cap bound the calls. A group-level
 * failure is returned, not thrown, unless the consumer abandoned the message (nothing may be published). */
@Injectable()
export class GroupSyncService {
  private readonly policy: SyncPolicy;

  constructor(
    @Inject(CAPILLARY_API) private readonly api: Pick<CapillaryApi, 'getCustomerLoyalty'>,
    @Inject(TIER_SYNC_CONFIG) { sync }: Pick<TierSyncConfig, 'sync'>,
    private readonly known: KnownPrimaries,
    private readonly members: MemberSyncRunner,
    private readonly membership: GroupMembershipReader,
    private readonly partners: PartnerSyncRunner,
    private readonly retry: CapillaryRetry,
    private readonly roles: CustomerRolesTable,
    private readonly targets: SyncTargetResolver,
  ) {
    this.policy = sync;
  }

  async run(
    command: GroupSyncCommand,
    delivery: Pick<Delivery, 'signal'>,
    journal?: RunJournalPort,
  ): Promise<CommandOutcome> {
    try {
      return await this.sync(command, delivery.signal, journal);
    } catch (error) {
      if (delivery.signal.aborted || error instanceof RolesWriteError) {
        throw error;
      }
      const note = error instanceof SyncFailure ? 'cannot sync' : 'group read failed';
      return {
        members: [],
        failure: { error: failureRecordOf(error), retryAfterMs: retryAfterOf(error), note },
      };
    }
  }

  private async sync(
    command: GroupSyncCommand,
    signal: AbortSignal,
    journal: RunJournalPort | undefined,
  ): Promise<CommandOutcome> {
    const { members } = await this.membership.read(command, signal);
    const primary = activePrimaryOf(members);
    if (primary !== undefined) {
      this.known.remember(primary, command.groupId);
    }
    // Before any adjustment, so the echo of each one finds its member in the table on every instance.
    await this.roles.observeGroup(command.groupId, members, command.commandId);
    if (primary !== command.primaryCustomerId) {
      const actual = primary === undefined ? 'it has no active primary' : `its primary is ${primary}`;
      return {
        members: [],
        ignored: `customer ${command.primaryCustomerId} does not lead group ${command.groupId}: ${actual}`,
      };
    }
    if (command.kind === 'PARTNER_SYNC') {
      return this.partners.run(command, members, signal);
    }
    return this.syncTiers(command, members, primary, signal, journal);
  }

  private async syncTiers(
    command: GroupSyncCommand,
    members: MemberRow[],
    primary: number,
    signal: AbortSignal,
    journal: RunJournalPort | undefined,
  ): Promise<CommandOutcome> {
    const program = command.programId;
    if (program === undefined) {
      throw new SyncFailure(`${command.kind} command names no loyalty program`);
    }
    // Read the primary at most once, and only when the target or the expiry needs it.
    let primaryTier: Promise<CustomerProgramTier | undefined> | undefined;
    const readPrimary = () =>
      (primaryTier ??= this.retry.execute(() => readProgramTier(this.api, primary, program), signal));
    const target = await this.targets.resolve(command, program, readPrimary);
    const selection = selectSecondaries(members, primary, command.memberIds);
    const context = {
      command,
      programId: program,
      target: target.tier,
      renewal: command.trigger.action === 'RENEWAL',
      signal,
      ...(journal ? { journal } : {}),
      ...(target.primaryExpiry ? { primaryExpiry: target.primaryExpiry } : {}),
    };
    journal?.expect(selection.targets);
    const reports = await Promise.all(selection.targets.map((id) => this.members.run(id, context)));
    const skipped = selection.skipped.map((s): MemberReport => ({
      customerId: s.customerId,
      action: 'NONE',
      status: 'SKIPPED',
      attempts: 0,
      note: s.note,
    }));
    return { programId: program, target: target.tier, members: [...reports, ...skipped] };
  }
}
