import { EventPublisher, type Kafka } from '@tiersync/kafka';
import { type Output } from '../cli/output';
import { ProgressReporter } from '../cli/progress-reporter';
import { type DeadLetterEntry } from './dead-letter.catalog';
import { redriveCommandId, redriveCommandOf } from './redrive-command.factory';
import { type RedriveLedger } from './redrive.ledger';
import { parseRedriveRecord, type RedriveRecord } from './redrive.record';

export interface RedrivePlan {
  toRedrive: { deadLetterId: string; commandId: string; groupId: number }[];
  alreadyRedriven: RedriveRecord[];
}

export function planRedrive(entries: readonly DeadLetterEntry[]): RedrivePlan {
  return {
    toRedrive: entries
      .filter((e) => e.redrive === null)
      .map(({ deadLetter: d }) => ({
        deadLetterId: d.deadLetterId,
        commandId: redriveCommandId(d.deadLetterId),
        groupId: d.groupId,
      })),
    alreadyRedriven: entries.flatMap((e) => (e.redrive ? [e.redrive] : [])),
  };
}

/**
 * One dead letter at a time, so an interruption leaves at most one command without its ledger record; the
 * sync aims at the primary's current tier, so sending that one again costs API calls, not a wrong tier.
 */
export async function redrive(
  kafka: Kafka,
  entries: readonly DeadLetterEntry[],
  topics: { commands: string; ledger: RedriveLedger },
  output: Output,
  now: () => number = Date.now,
): Promise<RedriveRecord[]> {
  const pending = entries.filter((e) => e.redrive === null);
  if (pending.length === 0) {
    return [];
  }
  await topics.ledger.ensure();
  const publisher = new EventPublisher(kafka);
  await publisher.connect();
  const progress = new ProgressReporter(output, 'redriving', pending.length);
  const done: RedriveRecord[] = [];
  try {
    for (const { deadLetter } of pending) {
      const command = redriveCommandOf(deadLetter, now());
      const written = await publisher.publish(topics.commands, String(command.groupId), command);
      // Parsed like any message, so that nothing invalid is written to the ledger.
      const record = parseRedriveRecord({
        deadLetterId: deadLetter.deadLetterId,
        commandId: command.commandId,
        groupId: command.groupId,
        redrivenAt: now(),
        commandTopic: topics.commands,
        partition: written.partition,
        offset: written.baseOffset ?? '0',
      });
      await topics.ledger.record(publisher, [record]);
      done.push(record);
      progress.step();
    }
  } finally {
    progress.finish();
    await publisher.disconnect();
  }
  return done;
}
