import { readTopicToEnd, topicExists, type Kafka } from '@tiersync/kafka';
import { WEBHOOK_HEADERS } from '@tiersync/tier-events';
import { type Output } from '../cli/output';
import { ProgressReporter } from '../cli/progress-reporter';
import { type OpsConfig } from '../config/ops.config';
import { CompactedLedger } from '../ledger/compacted.ledger';
import { rejectedEventOf, type RejectedEvent, type RejectedOrigin } from './rejected-event';
import {
  parseRejectedRedriveRecord,
  REJECTED_REDRIVES_SUFFIX,
  type RejectedRedriveRecord,
} from './rejected-redrive.record';
import { matchesRejected, type RejectedFilter } from './rejected.filter';

export interface RejectedEntry {
  event: RejectedEvent;
  redrive: RejectedRedriveRecord | null;
}

export interface RejectedView {
  topics: string[];
  scanned: number;
  entries: RejectedEntry[];
}

/** The webhook bodies kept aside: refused by the ingress, or accepted and then unreadable for tier-sync. */
export class RejectedCatalog {
  readonly ledger: CompactedLedger<RejectedRedriveRecord>;
  private readonly topics: OpsConfig['kafka']['topics'];
  private readonly readerPrefix: string;

  constructor(
    private readonly kafka: Kafka,
    config: OpsConfig['kafka'],
    private readonly output: Output,
  ) {
    this.topics = config.topics;
    this.ledger = new CompactedLedger(
      kafka,
      `${config.topicPrefix}${REJECTED_REDRIVES_SUFFIX}`,
      config.replicationFactor,
      (entry) => entry.sourceId,
      parseRejectedRedriveRecord,
    );
    this.readerPrefix = `${config.clientId}.reader`;
  }

  async load(filter: RejectedFilter): Promise<RejectedView> {
    const { webhookRejected, deadLetters, webhookEvents } = this.topics;
    const rejected = await this.scan(webhookRejected, 'rejected', filter, () => true);
    // The DLQ also holds dead letters and unreadable commands: only what tier-sync read from webhook-events.
    const quarantined = await this.scan(deadLetters, 'quarantined', filter, (headers) =>
      (headers[WEBHOOK_HEADERS.source] ?? '').startsWith(`${webhookEvents}:`),
    );
    const redrives = await this.ledger.read(this.readerPrefix);
    return {
      topics: [webhookRejected, deadLetters],
      scanned: rejected.scanned + quarantined.scanned,
      entries: [...rejected.events, ...quarantined.events].map((event) => ({
        event,
        redrive: redrives.get(event.id) ?? null,
      })),
    };
  }

  private async scan(
    topic: string,
    origin: RejectedOrigin,
    filter: RejectedFilter,
    wanted: (headers: Readonly<Record<string, string>>) => boolean,
  ): Promise<{ events: RejectedEvent[]; scanned: number }> {
    if (!(await topicExists(this.kafka, topic))) {
      this.output.warn(`topic ${topic} does not exist: nothing read from it`);
      return { events: [], scanned: 0 };
    }
    const progress = new ProgressReporter(this.output, `reading ${topic}`);
    const found: RejectedEvent[] = [];
    let seen = 0;
    const scanned = await readTopicToEnd(
      this.kafka,
      topic,
      {
        // Both topics are written after the webhook arrived, so the broker timestamp bounds receivedAt from
        // above; a minute of slack covers clock skew between the writers and the broker.
        fromTimestamp: filter.since === undefined ? undefined : filter.since - 60_000,
        groupPrefix: this.readerPrefix,
        onProgress: (records) => {
          progress.step(records - seen, 'records');
          seen = records;
        },
      },
      (record) => {
        if (wanted(record.headers)) {
          const event = rejectedEventOf(topic, origin, record);
          if (matchesRejected(event, filter)) {
            found.push(event);
          }
        }
      },
    );
    progress.finish(`records, ${found.length} matching`);
    return { events: found, scanned };
  }
}
