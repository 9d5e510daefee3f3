import { Inject, Injectable } from '@nestjs/common';
import { type CustomerProgramTier } from '@tiersync/capillary-client';
import { type GroupSyncCommand } from '@tiersync/tier-events';
import { ProgramTiersCache } from '../capillary/program-tiers.cache';
import { type SyncPolicy, TIER_SYNC_CONFIG } from '../config/tier-sync.config';
import { SyncFailure } from './sync-failure.error';

export interface SyncTarget {
  tier: { number: number; name: string };
  primaryExpiry?: string;
}

/** The primary's CURRENT tier by default, so a late, duplicated or replayed event cannot regress a group. */
@Injectable()
export class SyncTargetResolver {
  private readonly policy: Pick<SyncPolicy, 'target' | 'validity'>;

  constructor(
    @Inject(TIER_SYNC_CONFIG) { sync }: { sync: Pick<SyncPolicy, 'target' | 'validity'> },
    @Inject(ProgramTiersCache) private readonly tierNames: Pick<ProgramTiersCache, 'nameOf'>,
  ) {
    this.policy = sync;
  }

  async resolve(
    command: GroupSyncCommand,
    programId: number,
    readPrimary: () => Promise<CustomerProgramTier | undefined>,
  ): Promise<SyncTarget> {
    const eventTier = command.trigger.tierNumber;
    if (this.policy.target === 'event' && eventTier !== undefined) {
      const name = command.trigger.tierName ?? (await this.tierNames.nameOf(programId, eventTier));
      if (name === undefined) {
        throw new SyncFailure(
          `tier ${eventTier} of program ${programId} has no name in the program's tier map`,
        );
      }
      const primaryExpiry = this.policy.validity.alignToPrimary
        ? (await readPrimary())?.slabExpiryDate
        : undefined;
      return { tier: { number: eventTier, name }, ...(primaryExpiry ? { primaryExpiry } : {}) };
    }
    const primary = await readPrimary();
    if (!primary) {
      throw new SyncFailure(`primary ${command.primaryCustomerId} has no tier in program ${programId}`);
    }
    return {
      tier: { number: primary.slabSNo, name: primary.currentSlab },
      ...(primary.slabExpiryDate ? { primaryExpiry: primary.slabExpiryDate } : {}),
    };
  }
}
