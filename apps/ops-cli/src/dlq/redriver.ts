import { type Kafka } from '@tiersync/kafka';
import { type Output } from '../cli/output';
import { redriveEach } from '../ledger/redrive-each';
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

/** The sync aims at the primary's current tier, so a command sent twice after an interruption costs API
 * calls, not a wrong tier. */
export function redrive(
  kafka: Kafka,
  entries: readonly DeadLetterEntry[],
  topics: { commands: string; ledger: RedriveLedger },
  output: Output,
  now: () => number = Date.now,
): Promise<RedriveRecord[]> {
  const pending = entries.filter((e) => e.redrive === null);
  return redriveEach(kafka, pending, topics.ledger, output, async (publisher, { deadLetter }) => {
    const command = redriveCommandOf(deadLetter, now());
    const written = await publisher.publish(topics.commands, String(command.groupId), command);
    // Parsed like any message, so that nothing invalid is written to the ledger.
    return parseRedriveRecord({
      deadLetterId: deadLetter.deadLetterId,
      commandId: command.commandId,
      groupId: command.groupId,
      redrivenAt: now(),
      commandTopic: topics.commands,
      partition: written.partition,
      offset: written.baseOffset ?? '0',
    });
  });
}
