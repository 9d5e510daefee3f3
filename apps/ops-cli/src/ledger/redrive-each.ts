import { EventPublisher, type Kafka } from '@tiersync/kafka';
import { type Output } from '../cli/output';
import { ProgressReporter } from '../cli/progress-reporter';
import { type CompactedLedger } from './compacted.ledger';

/**
 * One item at a time, published and then recorded in the ledger, so an interruption leaves at most one item
 * without its ledger record (a re-run sends that one again).
 */
export async function redriveEach<T, R>(
  kafka: Kafka,
  items: readonly T[],
  ledger: CompactedLedger<R>,
  output: Output,
  publishOne: (publisher: EventPublisher, item: T) => Promise<R>,
): Promise<R[]> {
  if (items.length === 0) {
    return [];
  }
  await ledger.ensure();
  const publisher = new EventPublisher(kafka);
  await publisher.connect();
  const progress = new ProgressReporter(output, 'redriving', items.length);
  const done: R[] = [];
  try {
    for (const item of items) {
      const entry = await publishOne(publisher, item);
      await ledger.record(publisher, [entry]);
      done.push(entry);
      progress.step();
    }
  } finally {
    progress.finish();
    await publisher.disconnect();
  }
  return done;
}
