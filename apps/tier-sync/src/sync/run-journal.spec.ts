import { type SyncJournalIntent } from '@tiersync/tier-events';
import { testCommand } from '../../test/sync-fixtures';
import { RunJournal } from './run-journal';

const toTier = { number: 3, name: 'Gold' };

function capturingJournal() {
  const written: SyncJournalIntent[] = [];
  const journal = new RunJournal(
    { command: testCommand(), runId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', leaseMs: 500 },
    (intent) => {
      written.push(intent);
      return Promise.resolve();
    },
    () => 1000,
  );
  return { journal, written };
}

const membersOf = (intents: readonly SyncJournalIntent[]) =>
  intents.map((i) => i.members.map((m) => m.customerId));

describe(RunJournal.name, () => {
  it('writes one intent for the members that arrive while an earlier intent is being written', async () => {
    const written: SyncJournalIntent[] = [];
    let release: () => void = () => undefined;
    const journal = new RunJournal(
      { command: testCommand(), runId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', leaseMs: 500 },
      (intent) => {
        written.push(intent);
        return written.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      () => 1000,
    );
    const first = journal.intend({ customerId: 2, action: 'UPGRADE', toTier });
    await new Promise((resolve) => setImmediate(resolve));
    const second = journal.intend({ customerId: 3, action: 'UPGRADE', toTier });
    const third = journal.intend({ customerId: 4, action: 'UPGRADE', toTier });
    release();
    await Promise.all([first, second, third]);
    expect(written.map((i) => i.members.map((m) => m.customerId))).toEqual([[2], [3, 4]]);
    expect(written[0]).toMatchObject({ leaseUntil: 1500, writtenAt: 1000, attempt: 0 });
    expect(journal.intents).toBe(2);
  });

  it('holds the first intent until every expected member has decided, then writes them together', async () => {
    const { journal, written } = capturingJournal();
    journal.expect([2, 3, 4]);
    const first = journal.intend({ customerId: 2, action: 'UPGRADE', toTier });
    await new Promise((resolve) => setImmediate(resolve));
    journal.pass(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(0);
    const last = journal.intend({ customerId: 4, action: 'UPGRADE', toTier });
    await Promise.all([first, last]);
    expect(membersOf(written)).toEqual([[2, 4]]);
    // A retry after the first decisions waits for no one.
    await journal.intend({ customerId: 3, action: 'UPGRADE', toTier });
    expect(membersOf(written)).toEqual([[2, 4], [3]]);
  });

  it('writes at once when the members still expected all pass', async () => {
    const { journal, written } = capturingJournal();
    journal.expect([2, 3]);
    const first = journal.intend({ customerId: 2, action: 'UPGRADE', toTier });
    journal.pass(3);
    await first;
    expect(membersOf(written)).toEqual([[2]]);
  });

  it('fails the members waiting on an intent Kafka did not take, and journals later members afresh', async () => {
    let calls = 0;
    const journal = new RunJournal(
      { command: testCommand(), runId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', leaseMs: 500 },
      () => (++calls === 1 ? Promise.reject(new Error('aborted')) : Promise.resolve()),
      () => 1000,
    );
    await expect(journal.intend({ customerId: 2, action: 'UPGRADE', toTier })).rejects.toThrow('aborted');
    await expect(journal.intend({ customerId: 3, action: 'UPGRADE', toTier })).resolves.toBeUndefined();
  });
});
