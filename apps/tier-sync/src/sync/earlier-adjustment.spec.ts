import { createSyncJournalIntent, createSyncResult } from '@tiersync/tier-events';
import { resultInit } from '@tiersync/tier-events/testing';
import { earlierAdjustment } from './earlier-adjustment';
import { RunLedger } from './run-ledger';

const lineageId = '0b6f3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const runId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const gold = { number: 3, name: 'Gold' };

function ledgerWithIntent(leaseUntil = 2000): RunLedger {
  const ledger = new RunLedger(60_000);
  ledger.addIntent(
    createSyncJournalIntent({
      commandId: lineageId,
      kind: 'TIER_SYNC',
      groupId: 7,
      lineageId,
      runId,
      attempt: 1,
      members: [{ customerId: 3, action: 'UPGRADE', fromTier: { number: 1 }, toTier: gold }],
      leaseUntil,
      writtenAt: 1000,
    }),
    1000,
  );
  return ledger;
}

describe(earlierAdjustment.name, () => {
  it('finds nothing for a member no earlier run meant to bring to its current tier', () => {
    const runs = ledgerWithIntent().runsOf(lineageId, 'this-run');
    expect(earlierAdjustment(3, { number: 2 }, runs, 5000)).toEqual({ kind: 'none' });
    expect(earlierAdjustment(4, gold, runs, 5000)).toEqual({ kind: 'none' });
    expect(earlierAdjustment(3, gold, ledgerWithIntent().runsOf(lineageId, runId), 5000)).toEqual({
      kind: 'none',
    });
  });

  it('waits while the earlier run holds its lease and has no result', () => {
    const runs = ledgerWithIntent(6000).runsOf(lineageId, 'this-run');
    expect(earlierAdjustment(3, gold, runs, 5000)).toEqual({ kind: 'wait', until: 6000 });
  });

  it('links the earlier run, recorded or not by its result', () => {
    const ledger = ledgerWithIntent();
    const lost = earlierAdjustment(3, gold, ledger.runsOf(lineageId, 'this-run'), 5000);
    expect(lost).toMatchObject({ kind: 'found', appliedBy: { runId, attempt: 1, recorded: false } });
  });

  it.each(['UNCHANGED', 'SKIPPED'] as const)(
    'credits no adjustment to a run whose own result reports the member %s (its write was refused)',
    (outcome) => {
      const ledger = ledgerWithIntent();
      const member = { customerId: 3, action: 'NONE' as const, outcome, attempts: 1 };
      ledger.addResult(createSyncResult({ ...resultInit(), runId, members: [member] }), 1500);
      expect(earlierAdjustment(3, gold, ledger.runsOf(lineageId, 'this-run'), 5000)).toEqual({
        kind: 'none',
      });
    },
  );

  it('still links a run whose result left the member failed: that write may have landed', () => {
    const ledger = ledgerWithIntent();
    const member = {
      customerId: 3,
      action: 'UPGRADE' as const,
      outcome: 'RETRY_SCHEDULED' as const,
      attempts: 3,
    };
    ledger.addResult(createSyncResult({ ...resultInit(), runId, members: [member] }), 1500);
    const found = earlierAdjustment(3, gold, ledger.runsOf(lineageId, 'this-run'), 5000);
    expect(found).toMatchObject({ kind: 'found', appliedBy: { runId, recorded: false } });
  });
});
