import { type JournalFollower } from '../src/sync/journal.follower';
import { RunLedger } from '../src/sync/run-ledger';
import { type CapturePublisher } from './capture-publisher';

/** The journal follower over what a CapturePublisher took: caughtUp() reads whatever was published since. */
export class CaptureJournal implements Pick<JournalFollower, 'caughtUp' | 'ledger'> {
  readonly ledger = new RunLedger(3_600_000);
  private intents = 0;
  private results = 0;

  constructor(
    private readonly publisher: CapturePublisher,
    private readonly now: () => number = Date.now,
  ) {}

  caughtUp(): Promise<boolean> {
    const { intents, results } = this.publisher;
    for (const { value } of intents.slice(this.intents)) {
      this.ledger.addIntent(value, this.now());
    }
    for (const { value } of results.slice(this.results)) {
      this.ledger.addResult(value, this.now());
    }
    this.intents = intents.length;
    this.results = results.length;
    return Promise.resolve(true);
  }
}
