import { createKafka, type OutgoingRecord, type RecordPublisher } from '@tiersync/kafka';
import { topicNames } from '@tiersync/tier-events';
import { type Clock } from '../src/clock';
import { type TierSyncConfig } from '../src/config/tier-sync.config';
import { SyncMetrics } from '../src/observability/sync.metrics';
import { CustomerRolesTable } from '../src/sync/customer-roles.table';

export class CaptureRolesPublisher implements Pick<RecordPublisher, 'publish'> {
  readonly records: OutgoingRecord[] = [];
  onPublish: () => void = () => undefined;
  failure: Error | undefined;

  publish(_topic: string, record: OutgoingRecord): Promise<void> {
    this.onPublish();
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    this.records.push(record);
    return Promise.resolve();
  }
}

/** The table as a group sync and a router see it within one process; never started, so it follows no topic. */
export function testRolesTable(
  config: Pick<TierSyncConfig, 'router' | 'sync'>,
  clock: Clock = Date.now,
  metrics: Pick<SyncMetrics, 'roles'> = new SyncMetrics(),
) {
  const publisher = new CaptureRolesPublisher();
  const kafka = createKafka({ brokers: ['127.0.0.1:9'], clientId: 'unit' });
  const tableConfig = { ...config, kafka: { consumerGroup: 'unit', topics: topicNames('unit.') } };
  const table = new CustomerRolesTable(kafka, publisher, tableConfig, metrics, undefined, clock);
  return { publisher, table };
}
