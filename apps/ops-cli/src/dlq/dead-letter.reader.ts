import { readTopicToEnd, type Kafka } from '@tiersync/kafka';
import { parseDeadLetter, type DeadLetter } from '@tiersync/tier-events';
import { matchesFilter, type DeadLetterFilter } from './dead-letter.filter';

export interface StoredDeadLetter {
  letter: DeadLetter;
  partition: number;
  offset: string;
}

export interface UnreadableRecord {
  partition: number;
  offset: string;
  error: string;
}

export interface DeadLetterScan {
  matches: StoredDeadLetter[];
  unreadable: UnreadableRecord[];
  scanned: number;
}

export async function scanDeadLetters(
  kafka: Kafka,
  topic: string,
  filter: DeadLetterFilter,
  options: { groupPrefix: string; onProgress?: (records: number) => void },
): Promise<DeadLetterScan> {
  const matches: StoredDeadLetter[] = [];
  const unreadable: UnreadableRecord[] = [];
  const scanned = await readTopicToEnd(
    kafka,
    topic,
    {
      // Records are produced when the command fails, so the broker timestamp bounds failedAt closely;
      // a minute of slack covers clock skew between tier-sync and the broker.
      fromTimestamp: filter.since === undefined ? undefined : filter.since - 60_000,
      groupPrefix: options.groupPrefix,
      onProgress: options.onProgress,
    },
    (record) => {
      try {
        const letter = parseDeadLetter(JSON.parse(record.value?.toString('utf8') ?? 'null'));
        if (matchesFilter(letter, filter)) {
          matches.push({ letter, partition: record.partition, offset: record.offset });
        }
      } catch (error) {
        unreadable.push({
          partition: record.partition,
          offset: record.offset,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  );
  return { matches, unreadable, scanned };
}
