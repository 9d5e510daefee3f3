import { type Kafka } from '@tiersync/kafka';
import { CompactedLedger } from '../ledger/compacted.ledger';
import { parseRedriveRecord, type RedriveRecord } from './redrive.record';

export const REDRIVES_SUFFIX = 'dlq-redrives.v1';

export class RedriveLedger extends CompactedLedger<RedriveRecord> {
  constructor(kafka: Kafka, topic: string, replicationFactor = 1) {
    super(kafka, topic, replicationFactor, (entry) => entry.deadLetterId, parseRedriveRecord);
  }
}
