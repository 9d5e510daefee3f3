import { topicExists, type Kafka } from '@tiersync/kafka';
import { type DeadLetter } from '@tiersync/tier-events';
import { type Output } from '../cli/output';
import { ProgressReporter } from '../cli/progress-reporter';
import { UsageError } from '../cli/usage.error';
import { type OpsConfig } from '../config/ops.config';
import { type DeadLetterFilter } from './dead-letter.filter';
import { scanDeadLetters, type UnreadableRecord } from './dead-letter.reader';
import { REDRIVES_SUFFIX, RedriveLedger } from './redrive.ledger';
import { type RedriveRecord } from './redrive.record';

export interface DeadLetterEntry {
  deadLetter: DeadLetter;
  location: { topic: string; partition: number; offset: string };
  redrive: RedriveRecord | null;
}

export interface CatalogView {
  topic: string;
  scanned: number;
  entries: DeadLetterEntry[];
  unreadable: UnreadableRecord[];
}

export class DeadLetterCatalog {
  readonly dlqTopic: string;
  readonly ledger: RedriveLedger;
  private readonly readerPrefix: string;

  constructor(
    private readonly kafka: Kafka,
    config: OpsConfig['kafka'],
    private readonly output: Output,
  ) {
    this.dlqTopic = config.topics.deadLetters;
    this.ledger = new RedriveLedger(
      kafka,
      `${config.topicPrefix}${REDRIVES_SUFFIX}`,
      config.replicationFactor,
    );
    this.readerPrefix = `${config.clientId}.reader`;
  }

  async load(filter: DeadLetterFilter): Promise<CatalogView> {
    if (!(await topicExists(this.kafka, this.dlqTopic))) {
      throw new UsageError(
        `topic ${this.dlqTopic} does not exist: check KAFKA_TOPIC_PREFIX / --topic-prefix`,
      );
    }
    const progress = new ProgressReporter(this.output, `reading ${this.dlqTopic}`);
    let seen = 0;
    const scan = await scanDeadLetters(this.kafka, this.dlqTopic, filter, {
      groupPrefix: this.readerPrefix,
      onProgress: (records) => {
        progress.step(records - seen, 'records');
        seen = records;
      },
    });
    progress.finish(`records, ${scan.matches.length} matching`);
    for (const bad of scan.unreadable) {
      this.output.warn(`unreadable DLQ record at ${bad.partition}:${bad.offset}: ${bad.error}`);
    }
    const redrives = await this.ledger.read(this.readerPrefix);
    return {
      topic: this.dlqTopic,
      scanned: scan.scanned,
      unreadable: scan.unreadable,
      entries: scan.matches.map((m) => ({
        deadLetter: m.letter,
        location: { topic: this.dlqTopic, partition: m.partition, offset: m.offset },
        redrive: redrives.get(m.letter.deadLetterId) ?? null,
      })),
    };
  }
}
