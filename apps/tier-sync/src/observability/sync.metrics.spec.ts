import { type KeyedConsumerMetrics } from '@tiersync/kafka';
import { createSyncResult } from '@tiersync/tier-events';
import { testCommand } from '../../test/sync-fixtures';
import { SyncMetrics } from './sync.metrics';

describe(SyncMetrics.name, () => {
  it('exposes commands, member outcomes, retries, dead letters, latency and consumer figures', async () => {
    const metrics = new SyncMetrics();
    const command = testCommand();
    const result = createSyncResult({
      commandId: command.commandId,
      kind: 'TIER_SYNC',
      groupId: 100,
      primaryCustomerId: 1,
      trigger: command.trigger,
      dryRun: false,
      outcome: 'PARTIAL',
      members: [
        { customerId: 2, action: 'UPGRADE', outcome: 'ADJUSTED', attempts: 3 },
        { customerId: 3, action: 'DOWNGRADE', outcome: 'RETRY_SCHEDULED', attempts: 3 },
      ],
      startedAt: 2000,
      finishedAt: 2500,
      durationMs: 500,
    });
    metrics.recordCommand(result, true, 1, 1000);
    metrics.recordRoute('duplicate');
    const partition = { topic: 't', partition: 0, lag: 3 };
    // Only the fields the gauges read; the consumer reports more.
    const consumer = { inFlight: 4, buffered: 6, partitions: [partition] } as unknown as KeyedConsumerMetrics;
    metrics.observeConsumer(() => consumer);
    metrics.observeGroupLag(() => [partition, { topic: 't', partition: 1, lag: 5 }]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('tiersync_sync_commands_total{kind="TIER_SYNC",outcome="PARTIAL"} 1');
    expect(text).toContain('tiersync_sync_member_adjustments_total{action="UPGRADE",outcome="ADJUSTED"} 1');
    expect(text).toContain('tiersync_sync_retries_total{stage="in_process"} 4');
    expect(text).toContain('tiersync_sync_retries_total{stage="retry_topic"} 1');
    expect(text).toContain('tiersync_sync_dead_letters_total{scope="sync"} 1');
    expect(text).toContain('tiersync_router_events_total{decision="duplicate"} 1');
    // receivedAt 1000 -> finished 2500: 1.5 s falls in the 2.5 s bucket, not in the 1 s one.
    expect(text).toContain('tiersync_event_to_synced_seconds_bucket{le="1",outcome="PARTIAL"} 0');
    expect(text).toContain('tiersync_event_to_synced_seconds_bucket{le="2.5",outcome="PARTIAL"} 1');
    expect(text).toContain('tiersync_consumer_in_flight 4');
    expect(text).toContain('tiersync_consumer_assigned_lag 3');
    expect(text).toContain('tiersync_consumer_lag 8');
    expect(text).toContain('tiersync_consumer_partition_lag{topic="t",partition="1"} 5');
  });

  it('counts the records it could not read by the topic they were read from, and as unreadable dead letters', async () => {
    const metrics = new SyncMetrics();
    metrics.recordUnreadable('t.webhook-events.v1');
    metrics.recordUnreadable('t.webhook-events.v1');
    metrics.recordUnreadable('t.group-commands.v1');
    const text = await metrics.registry.metrics();
    expect(text).toContain('tiersync_consumer_unreadable_records_total{topic="t.webhook-events.v1"} 2');
    expect(text).toContain('tiersync_consumer_unreadable_records_total{topic="t.group-commands.v1"} 1');
    expect(text).toContain('tiersync_sync_dead_letters_total{scope="unreadable"} 3');
  });
});
