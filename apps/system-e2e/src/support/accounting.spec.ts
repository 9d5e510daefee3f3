import { fleetMemberId, fleetSeed, type SimCall, type SimSeed } from '@tiersync/capillary-sim';
import {
  createGroupSyncCommand,
  createSyncResult,
  type SyncResult,
  type SyncResultInit,
} from '@tiersync/tier-events';
import { commandInit, resultInit } from '@tiersync/tier-events/testing';
import { type AccountingSnapshot, callGrowth, checkAccounting } from './accounting';

const PRIMARY = fleetMemberId(0, 0);
const [SAM, MAX] = [fleetMemberId(0, 1), fleetMemberId(0, 2)];
const EVENT = 'event-of-the-primary';
const ECHO = 'echo-of-sam';
const [C1, C2, C9, RUN, RERUN] = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000009',
  '00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-8000-0000000000a2',
];

function org(tiers: Record<number, number>): SimSeed {
  const seed = fleetSeed(1, 2);
  for (const customer of seed.customers) {
    customer.tiers = [{ programId: 973, tierNumber: tiers[customer.customerId] ?? 3 }];
  }
  return seed;
}

function adjustment(customerId: number, seq: number): SimCall {
  return {
    seq,
    endpoint: 'manualSlabAdjustment',
    method: 'POST',
    path: '/v2/slab/manualSlabAdjustment',
    query: { identifierValue: String(customerId) },
    body: { programId: 973, slabAction: 'UPGRADE', toSlabName: 'Platinum' },
    status: 200,
    at: seq,
    concurrent: 1,
  };
}

function result(commandId: string, adjusted: number[], more: Partial<SyncResultInit> = {}): SyncResult {
  return createSyncResult({
    ...resultInit(),
    commandId,
    groupId: 50_000_000,
    trigger: { ...commandInit().trigger, eventId: EVENT },
    target: { tierNumber: 3, tierName: 'Platinum' },
    members: adjusted.map((customerId) => ({
      customerId,
      tierAfter: { number: 3, name: 'Platinum' },
      action: 'UPGRADE',
      outcome: 'ADJUSTED',
      attempts: 1,
    })),
    ...more,
  });
}

function command(commandId: string) {
  return createGroupSyncCommand({ ...commandInit(), commandId, groupId: 50_000_000 });
}

/** One group synced cleanly: the primary's event, one command, both secondaries adjusted once. */
function clean(): AccountingSnapshot {
  return {
    org: org({}),
    calls: [adjustment(SAM, 1), adjustment(MAX, 2)],
    emitted: [EVENT, ECHO],
    deliveries: [EVENT, ECHO].map((eventId) => ({
      eventId,
      eventName: 'tierUpgraded',
      copy: 0,
      attempt: 1,
      status: 202,
      outcome: 'delivered',
      at: 0,
    })),
    events: [
      { eventId: EVENT, customerId: PRIMARY },
      { eventId: ECHO, customerId: SAM },
    ],
    rejected: 0,
    commands: [command(C1)],
    results: [result(C1, [SAM, MAX])],
    deadLetters: [],
    ignoredNoGroup: 1,
  };
}

describe(checkAccounting.name, () => {
  it('finds nothing wrong with a clean run, and counts it', () => {
    const report = checkAccounting(clean());
    expect(report.violations).toEqual([]);
    expect(report.figures).toMatchObject({ adjustments: 2, adjustedRecords: 2, ignoredWithoutRecord: 1 });
  });

  it('counts a result published twice by one run once', () => {
    const snapshot = clean();
    snapshot.results.push(result(C1, [SAM, MAX]));
    expect(checkAccounting(snapshot).violations).toEqual([]);
  });

  it("counts a rerun's ALREADY_APPLIED member as no adjustment, and its ADJUSTED one on a dead run's behalf", () => {
    const snapshot = clean();
    const [alreadyApplied] = result(C1, [SAM]).members;
    alreadyApplied!.outcome = 'ALREADY_APPLIED';
    snapshot.results = [
      result(C1, [SAM], { runId: RUN }),
      result(C1, [MAX], { runId: RERUN, members: [alreadyApplied!, ...result(C1, [MAX]).members] }),
    ];
    expect(checkAccounting(snapshot).violations).toEqual([]);
  });

  it.each<[string, (s: AccountingSnapshot) => void, string]>([
    [
      'an adjustment recorded as UNCHANGED',
      (s) => (s.results = [result(C1, [SAM])]),
      `adjustments performed but not recorded as ADJUSTED: 1 (first 10: ${MAX}/973->Platinum)`,
    ],
    [
      'one adjustment recorded by two commands',
      (s) => s.results.push(result(C2, [SAM])),
      `ADJUSTED records without an adjustment: 1 (first 10: ${SAM}/973->Platinum)`,
    ],
    [
      'a member adjusted twice, each recorded',
      (s) => {
        s.calls.push(adjustment(SAM, 3));
        s.results.push(result(C2, [SAM]));
      },
      `members adjusted twice for the same target: 1 (first 10: ${SAM}/973->Platinum x2)`,
    ],
    [
      'a secondary left behind',
      (s) => (s.org = org({ [MAX]: 1 })),
      `groups not converged: 1 (first 10: {"groupId":50000000,"tiers":{"${PRIMARY}":3,"${SAM}":3,"${MAX}":1}})`,
    ],
    [
      'a command without a result',
      (s) => s.commands.push(command(C9)),
      `commands without a sync-results record: 1 (first 10: ${C9} (group 50000000))`,
    ],
    [
      "the primary's event without a result",
      (s) => (s.results = [result(C1, [SAM, MAX], { trigger: commandInit().trigger })]),
      `events of a primary without a sync-results record: 1 (first 10: ${EVENT})`,
    ],
    [
      'an unrecorded echo the router did not count',
      (s) => (s.ignoredNoGroup = 0),
      'events without a record beyond the leads_no_group metric: 1 > 0',
    ],
    [
      'a 202 that is not on webhook-events',
      (s) => (s.events = s.events.filter((e) => e.eventId !== ECHO)),
      `webhooks answered 202 but not on webhook-events: 1 (first 10: ${ECHO} (attempts: 202 at 0))`,
    ],
    [
      'a webhook never accepted',
      (s) => (s.deliveries = s.deliveries.map((d) => ({ ...d, status: 429, outcome: 'gave-up' }))),
      `webhooks emitted but never accepted: 2 (first 10: ${EVENT}; ${ECHO})`,
    ],
    [
      'a dead letter',
      (s) => s.deadLetters.push({ key: '50000000', reason: 'HTTP 503' }),
      'dead letters: 1 (first 10: 50000000: HTTP 503)',
    ],
  ])('reports %s', (_what, spoil, violation) => {
    const snapshot = clean();
    spoil(snapshot);
    expect(checkAccounting(snapshot).violations).toEqual([violation]);
  });
});

describe(callGrowth.name, () => {
  it('names every endpoint called more often than in the baseline and what it was allowed', () => {
    const baseline = { 'GET customers': 10, 'GET userGroup2 lookup': 4 };
    expect(callGrowth(baseline, { 'GET customers': 10, 'GET userGroup2 lookup': 6 })).toEqual([
      'calls grew with the instance count: GET userGroup2 lookup 4 -> 6',
    ]);
    expect(
      callGrowth(baseline, { 'GET customers': 9, 'GET userGroup2': 3 }, { 'GET userGroup2': 3 }),
    ).toEqual([]);
  });
});
