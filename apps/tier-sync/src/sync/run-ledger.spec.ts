import { createSyncJournalIntent, createSyncResult } from '@tiersync/tier-events';
import { resultInit } from '@tiersync/tier-events/testing';
import { RunLedger } from './run-ledger';

const lineageId = '0b6f3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const first = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const rerun = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';

const intent = (runId: string) =>
  createSyncJournalIntent({
    commandId: lineageId,
    kind: 'TIER_SYNC',
    groupId: 7,
    lineageId,
    runId,
    attempt: 0,
    members: [{ customerId: 3, action: 'UPGRADE', toTier: { number: 3 } }],
    leaseUntil: 2000,
    writtenAt: 1000,
  });

describe(RunLedger.name, () => {
  it('settles a run from a result read before its intent, the two topics being read independently', () => {
    const ledger = new RunLedger(60_000);
    const member = { customerId: 3, action: 'UPGRADE' as const, outcome: 'ADJUSTED' as const, attempts: 1 };
    ledger.addResult(createSyncResult({ ...resultInit(), runId: first, members: [member] }), 1000);
    ledger.addIntent(intent(first), 1000);
    const [run] = ledger.runsOf(lineageId, rerun);
    expect(run?.record.resulted).toBe(true);
    expect([...(run?.record.recorded ?? [])]).toEqual([3]);
  });

  it("credits a re-run's recovered adjustment to the run that made it, not to the re-run", () => {
    const ledger = new RunLedger(60_000);
    ledger.addIntent(intent(first), 1000);
    const appliedBy = { runId: first, attempt: 0, recorded: false };
    const member = {
      customerId: 3,
      action: 'UPGRADE' as const,
      outcome: 'ADJUSTED' as const,
      attempts: 1,
      appliedBy,
    };
    ledger.addResult(createSyncResult({ ...resultInit(), runId: rerun, members: [member] }), 1500);
    const [run] = ledger.runsOf(lineageId, rerun);
    expect(run?.record.resulted).toBe(false);
    expect([...(run?.record.recorded ?? [])]).toEqual([3]);
    expect(ledger.runsOf(lineageId, first)).toEqual([]);
  });

  it('forgets runs last seen before the window', () => {
    const ledger = new RunLedger(60_000);
    ledger.addIntent(intent(first), 1000);
    ledger.prune(61_001);
    expect(ledger.size).toBe(0);
    expect(ledger.runsOf(lineageId, rerun)).toEqual([]);
  });

  it('reads a journalled refusal as no adjustment of that member by that run, keeping its intent', () => {
    const ledger = new RunLedger(60_000);
    ledger.addIntent(intent(first), 1000);
    ledger.addIntent(createSyncJournalIntent({ ...intent(first), members: [], refused: [3] }), 1100);
    const [run] = ledger.runsOf(lineageId, rerun);
    expect(run?.record.intents).toHaveLength(1);
    expect([...(run?.record.untouched ?? [])]).toEqual([3]);
  });
});
