import { type SyncJournalIntent } from '@tiersync/tier-events';
import { testCommand } from '../../test/sync-fixtures';
import { RunJournal } from './run-journal';

const toTier = { number: 3, name: 'Gold' };

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
    await Promise.resolve();
    const second = journal.intend({ customerId: 3, action: 'UPGRADE', toTier });
    const third = journal.intend({ customerId: 4, action: 'UPGRADE', toTier });
    release();
    await Promise.all([first, second, third]);
    expect(written.map((i) => i.members.map((m) => m.customerId))).toEqual([[2], [3, 4]]);
    expect(written[0]).toMatchObject({ leaseUntil: 1500, writtenAt: 1000, attempt: 0 });
    expect(journal.intents).toBe(2);
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
