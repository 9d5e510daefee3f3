import { FLEET_PROGRAM_ID, fleetMemberId, fleetSeed } from '@tiersync/capillary-sim';
import { type AccountingReport, assertAccounting, checkAccounting, driftedGroups } from './accounting';
import { takeSnapshot } from './accounting-snapshot';
import { performedAdjustments } from './audit-trail';
import { E2eSystem, type SystemOptions } from './e2e-system';
import { waitFor } from './wait-for';

export const SECONDARIES = 5;
/** Adjustments per group raised to Platinum: every secondary but the one already there. */
export const ADJUSTED_PER_GROUP = SECONDARIES - 1;
/** The latency, 30-70 ms per call. */
export const CAPILLARY_LATENCY = { fixedMs: 30, jitterMs: 40 };
/** Slow enough that a fan-out is still running when a process is killed. */
export const SLOW_CAPILLARY = { fixedMs: 100, jitterMs: 100 };

/**
 * Capillary's webhook retries compressed, and a short Retry-After on the ingress's 429s, so an outage costs
 * the suite seconds; production's 30 s Retry-After (RETRY_AFTER_SECONDS) delays the same webhooks longer.
 */
const FLEET_OPTIONS: Pick<SystemOptions, 'webhookRetry' | 'ingressEnv'> = {
  webhookRetry: { backoffMs: 500, maxBackoffMs: 2_000 },
  ingressEnv: { RETRY_AFTER_SECONDS: '2' },
};

/**
 * An org of `groups` identical groups, everyone on the base tier but each group's last secondary, already on
 * Platinum: raising a primary there costs that member a refused upgrade (8925) and no adjustment.
 */
export function startFleet(
  groups: number,
  options: Omit<SystemOptions, 'seed' | 'webhookRetry'>,
): Promise<E2eSystem> {
  const seed = fleetSeed(groups, SECONDARIES);
  const ahead = new Set(range(0, groups).map((g) => fleetMemberId(g, SECONDARIES)));
  seed.customers
    .filter((c) => ahead.has(c.customerId))
    .forEach((c) => (c.tiers = [{ programId: FLEET_PROGRAM_ID, tierNumber: 3, expiryDate: '2027-12-31' }]));
  return E2eSystem.start({
    ...FLEET_OPTIONS,
    ...options,
    ingressEnv: { ...FLEET_OPTIONS.ingressEnv, ...options.ingressEnv },
    seed,
  });
}

/** Each primary's tier change makes the simulator send its tierUpgraded webhook. */
export function raisePrimaries(system: E2eSystem, groups: Iterable<number>, tier = 3): void {
  for (const group of groups) {
    system.sim.control.activity({ customerId: fleetMemberId(group, 0), programId: FLEET_PROGRAM_ID, tier });
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export function untilAdjustments(system: E2eSystem, count: number): Promise<number> {
  return waitFor(
    `${count} adjustments performed`,
    () => (performedAdjustments(system).length >= count ? Date.now() : undefined),
    { timeoutMs: 60_000, intervalMs: 20 },
  );
}

/** When each of `groups` is on its primary's tier; returns that moment. */
export function untilConverged(system: E2eSystem, groups: number[], timeoutMs = 120_000): Promise<number> {
  const primaries = new Set(groups.map((g) => fleetMemberId(g, 0)));
  const drifted = () => driftedGroups(system.sim.control.state(), primaries);
  return waitFor('every group converged', () => (drifted().length === 0 ? Date.now() : undefined), {
    timeoutMs,
    intervalMs: 100,
    describe: () => drifted().slice(0, 10),
  });
}

/**
 * Waits until nothing is left to do, checks the accounting and prints the scenario's figures in one line.
 * `complete`: no process that routed events was killed (see takeSnapshot).
 */
export async function settleAndAccount(
  system: E2eSystem,
  scenario: string,
  complete: boolean,
  figures: Record<string, unknown>,
  moreViolations: string[] = [],
): Promise<AccountingReport> {
  await system.quiesce();
  const checked = checkAccounting(await takeSnapshot(system, complete));
  const report = { ...checked, violations: [...checked.violations, ...moreViolations] };
  console.log(`chaos figures: ${JSON.stringify({ scenario, ...figures, ...report.figures })}`);
  assertAccounting(report);
  return report;
}
