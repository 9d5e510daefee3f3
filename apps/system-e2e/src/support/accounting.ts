import { type SimCall, type SimSeed, type WebhookDelivery } from '@tiersync/capillary-sim';
import { type GroupSyncCommand, type SyncResult } from '@tiersync/tier-events';

/** Everything the accounting reads, taken once the system is quiet (accounting-snapshot.ts). */
export interface AccountingSnapshot {
  org: SimSeed;
  calls: SimCall[];
  /** Ids of the webhooks the simulator emitted, and every delivery attempt of them. */
  emitted: string[];
  deliveries: WebhookDelivery[];
  /** webhook-events.v1: what the ingress accepted. */
  events: { eventId: string; customerId: number | undefined }[];
  rejected: number;
  /** group-commands.v1 and its retry topic. */
  commands: GroupSyncCommand[];
  results: SyncResult[];
  deadLetters: { key: string; reason: string }[];
  /**
   * `tiersync_router_ignored_total{reason="leads_no_group"}` over every process that routed events;
   * undefined when one was killed, since its counts went with it.
   */
  ignoredNoGroup?: number;
}

export interface AccountingFigures {
  accepted: number;
  commands: number;
  results: number;
  adjustments: number;
  adjustedRecords: number;
  ignoredWithoutRecord: number;
  deadLetters: number;
  calls: number;
  callsByEndpoint: Record<string, number>;
  faultsInjected: number;
  webhook429s: number;
}

export interface AccountingReport {
  figures: AccountingFigures;
  violations: string[];
}

const SHOWN = 10;

/** Issue 11's accounting: what the simulator did and saw against what tiersync recorded on its topics. */
export function checkAccounting(snapshot: AccountingSnapshot): AccountingReport {
  const violations: string[] = [];
  const fail = (check: string, offenders: readonly unknown[]) => {
    if (offenders.length > 0) {
      const shown = offenders.slice(0, SHOWN).map((o) => (typeof o === 'string' ? o : JSON.stringify(o)));
      violations.push(`${check}: ${offenders.length} (first ${SHOWN}: ${shown.join('; ')})`);
    }
  };
  const acceptedIds = new Set(snapshot.events.map((e) => e.eventId));
  const delivered = new Set(snapshot.deliveries.filter((d) => d.status === 202).map((d) => d.eventId));
  fail(
    'webhooks answered 202 but not on webhook-events',
    [...delivered]
      .filter((id) => !acceptedIds.has(id))
      .map((id) => {
        const attempts = snapshot.deliveries.filter((d) => d.eventId === id);
        return `${id} (attempts: ${attempts.map((d) => `${d.status ?? d.error ?? '?'} at ${d.at}`).join(', ')})`;
      }),
  );
  fail(
    'webhooks emitted but never accepted',
    snapshot.emitted.filter((id) => !delivered.has(id)),
  );
  fail('webhooks rejected', snapshot.rejected > 0 ? [`${snapshot.rejected} on webhook-rejected`] : []);

  const resultIds = new Set(snapshot.results.map((r) => r.commandId));
  fail(
    'commands without a sync-results record',
    snapshot.commands
      .filter((c) => !resultIds.has(c.commandId))
      .map((c) => `${c.commandId} (group ${c.groupId})`),
  );
  const triggers = new Set(snapshot.results.map((r) => r.trigger.eventId));
  const primaries = new Set(
    snapshot.org.groups.flatMap((g) => g.members.filter((m) => m.primary)).map((m) => m.customerId),
  );
  const unrecorded = [...new Map(snapshot.events.map((e) => [e.eventId, e])).values()].filter(
    (e) => !triggers.has(e.eventId),
  );
  const ofPrimaries = (e: { customerId: number | undefined }) =>
    e.customerId === undefined || primaries.has(e.customerId);
  fail(
    'events of a primary without a sync-results record',
    unrecorded.filter(ofPrimaries).map((e) => e.eventId),
  );
  // A customer who leads no group has no group to record against: the router only counts it (architecture.md).
  const ignoredWithoutRecord = unrecorded.filter((e) => !ofPrimaries(e)).length;
  if (snapshot.ignoredNoGroup !== undefined && ignoredWithoutRecord > snapshot.ignoredNoGroup) {
    violations.push(
      `events without a record beyond the leads_no_group metric: ${ignoredWithoutRecord} > ${snapshot.ignoredNoGroup}`,
    );
  }

  const performed = snapshot.calls.filter((c) => c.endpoint === 'manualSlabAdjustment' && c.status === 200);
  const adjusted = distinctRuns(snapshot.results).flatMap((r) =>
    r.members
      .filter((m) => m.outcome === 'ADJUSTED')
      .map((m) => adjustmentKey(m.customerId, r.programId, m.tierAfter?.name ?? r.target?.tierName)),
  );
  const done = performed.map((c) => {
    const body = c.body as { programId?: number; toSlabName?: string };
    return adjustmentKey(Number(c.query['identifierValue']), body.programId, body.toSlabName);
  });
  fail('adjustments performed but not recorded as ADJUSTED', multisetMinus(done, adjusted));
  fail('ADJUSTED records without an adjustment', multisetMinus(adjusted, done));
  fail('members adjusted twice for the same target', repeated(done));
  const movedPrimaries = new Set(snapshot.events.map((e) => e.customerId).filter((id) => id !== undefined));
  fail('groups not converged', driftedGroups(snapshot.org, movedPrimaries));
  fail(
    'dead letters',
    snapshot.deadLetters.map((d) => `${d.key}: ${d.reason}`),
  );

  return {
    violations,
    figures: {
      accepted: acceptedIds.size,
      commands: snapshot.commands.length,
      results: snapshot.results.length,
      adjustments: performed.length,
      adjustedRecords: adjusted.length,
      ignoredWithoutRecord,
      deadLetters: snapshot.deadLetters.length,
      calls: snapshot.calls.length,
      callsByEndpoint: callsByEndpoint(snapshot.calls),
      faultsInjected: snapshot.calls.filter((c) => c.fault !== undefined).length,
      webhook429s: snapshot.deliveries.filter((d) => d.status === 429).length,
    },
  };
}

export function assertAccounting(report: AccountingReport): void {
  if (report.violations.length > 0) {
    throw new Error(`accounting failed:\n- ${report.violations.join('\n- ')}`);
  }
}

/**
 * Groups whose active secondaries are not all on the primary's tier, with every member's tier; only groups
 * whose primary is in `primaries`, the ones a webhook asked tiersync to sync.
 */
export function driftedGroups(
  org: SimSeed,
  primaries: ReadonlySet<number>,
): { groupId: number; tiers: Record<number, number> }[] {
  const tierOf = new Map(org.customers.map((c) => [c.customerId, c]));
  return org.groups
    .filter((g) => g.groupStatus === 'ACTIVE')
    .filter((g) => g.members.some((m) => m.primary && m.active && primaries.has(m.customerId)))
    .flatMap((group) =>
      org.programs.map((program) => {
        const active = group.members.filter((m) => m.active);
        const tiers = Object.fromEntries(
          active.map((m) => [
            m.customerId,
            tierOf.get(m.customerId)?.tiers.find((t) => t.programId === program.programId)?.tierNumber ?? 1,
          ]),
        );
        const primary = active.find((m) => m.primary)?.customerId;
        const target = primary === undefined ? undefined : tiers[primary];
        const drifted = active.some(
          (m) => tierOf.get(m.customerId)?.status === 'ACTIVE' && tiers[m.customerId] !== target,
        );
        return drifted ? { groupId: group.groupId, tiers } : undefined;
      }),
    )
    .filter((drift) => drift !== undefined);
}

/** Group reads by id and the router's lookups (by primaryUserId) share an endpoint: told apart. */
export function callsByEndpoint(calls: readonly SimCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    const lookup = call.endpoint === 'userGroup2' && call.query['id'] === undefined ? ' lookup' : '';
    const key = `${call.method} ${call.endpoint ?? call.path}${lookup}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Endpoints called more often by `run` than by `baseline`, the same workload on fewer instances, beyond what
 * `allowed` grants an endpoint.
 */
export function callGrowth(
  baseline: Record<string, number>,
  run: Record<string, number>,
  allowed: Record<string, number> = {},
): string[] {
  const grown = Object.entries(run)
    .filter(([endpoint, count]) => count > (baseline[endpoint] ?? 0) + (allowed[endpoint] ?? 0))
    .map(([endpoint, count]) => `${endpoint} ${baseline[endpoint] ?? 0} -> ${count}`);
  return grown.length > 0 ? [`calls grew with the instance count: ${grown.join(', ')}`] : [];
}

/**
 * One record per run, as consumers count (docs/architecture.md, "Audit: sync-results"); a record without a
 * runId stands for its command.
 */
export function distinctRuns(results: readonly SyncResult[]): SyncResult[] {
  return [...new Map(results.map((r) => [r.runId ?? r.commandId, r])).values()];
}

function adjustmentKey(customerId: number, programId: number | undefined, tier: string | undefined): string {
  return `${customerId}/${programId ?? '?'}->${tier ?? '?'}`;
}

function multisetMinus(left: readonly string[], right: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  right.forEach((key) => remaining.set(key, (remaining.get(key) ?? 0) + 1));
  return left.filter((key) => {
    const count = remaining.get(key) ?? 0;
    remaining.set(key, count - 1);
    return count <= 0;
  });
}

function repeated(keys: readonly string[]): string[] {
  const counts = new Map<string, number>();
  keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return [...counts].filter(([, count]) => count > 1).map(([key, count]) => `${key} x${count}`);
}
