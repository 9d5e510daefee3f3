import {
  createGroupSyncCommand,
  type GroupSyncCommand,
  type GroupSyncCommandInit,
} from '@tiersync/tier-events';
import { CapillaryRetry } from '../src/capillary/capillary.retry';
import { type SyncPolicy, type TierSyncConfig } from '../src/config/tier-sync.config';
import { PROGRAM_ID } from './fake-capillary';

export function testPolicy(over: Partial<SyncPolicy> = {}): SyncPolicy {
  return {
    downgradePolicy: 'mirror',
    target: 'current',
    validity: { kind: 'AS_PER_TIER_STRATEGY', alignToPrimary: false, reassessOnNextActivity: false },
    renewalAction: 'RENEWAL',
    reasonPrefix: 'tiersync',
    dryRun: false,
    retry: {
      maxAttempts: 3,
      inProcessAttempts: 3,
      backoffBaseMs: 1,
      backoffMaxMs: 5,
      retryDelayMs: 1000,
      retryMaxDelayMs: 60_000,
    },
    echoShortcut: true,
    upgradeWithoutRead: false,
    journal: { leaseMs: 1000, windowMs: 60_000, catchUpTimeoutMs: 1000 },
    ...over,
  };
}

export function testRouterConfig(over: Partial<TierSyncConfig['router']> = {}): TierSyncConfig['router'] {
  return {
    dedupeWindowMs: 60_000,
    dedupeMaxEntries: 1000,
    groupCacheTtlMs: 60_000,
    rolesCatchUpTimeoutMs: 0,
    tierMapTtlMs: 60_000,
    ...over,
  };
}

export function testRetry(policy: SyncPolicy = testPolicy(), random: () => number = () => 0): CapillaryRetry {
  return new CapillaryRetry({ sync: policy }, random);
}

let sequence = 0;

export function testCommand(over: Partial<GroupSyncCommandInit> = {}): GroupSyncCommand {
  sequence++;
  return createGroupSyncCommand({
    commandId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    kind: 'TIER_SYNC',
    groupId: 100,
    primaryCustomerId: 1,
    programId: PROGRAM_ID,
    trigger: {
      eventId: `event-${sequence}`,
      eventName: 'tierUpgraded',
      action: 'UPGRADE',
      tierNumber: 2,
      occurredAt: 1_700_000_000_000,
    },
    attempt: 0,
    createdAt: 1_700_000_000_000,
    ...over,
  });
}
