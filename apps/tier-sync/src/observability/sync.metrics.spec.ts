import { type CapillaryRequestEvent } from '@tiersync/capillary-client';
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

  it('counts ignored events by reason and customer events by how they resolved', async () => {
    const metrics = new SyncMetrics();

    metrics.recordIgnored('leads_no_group');
    metrics.recordIgnored('leads_no_group');
    metrics.recordIgnored('member_left');
    metrics.recordResolution('group');
    const text = await metrics.registry.metrics();

    expect(text).toContain('tiersync_router_ignored_total{reason="leads_no_group"} 2');
    expect(text).toContain('tiersync_router_ignored_total{reason="member_left"} 1');
    expect(text).toContain('tiersync_router_customer_events_total{resolution="group"} 1');
  });

  it("exposes Capillary requests by endpoint and outcome, their latency, 429s, limiter waits and the client's rate", async () => {
    const metrics = new SyncMetrics();
    let exchange: (event: CapillaryRequestEvent) => void = () => undefined;
    metrics.capillary.observe({
      observeRequests: (listener) => {
        exchange = listener;
      },
      rateLimit: { perMinute: 45, configuredPerMinute: 90, pausedForMs: 0 },
    });
    const base = { method: 'GET', endpoint: '/v2/customers/{id}', limiterWaitMs: 0 };

    exchange({ ...base, outcome: 'ok', status: 200, durationMs: 80 });
    exchange({ ...base, outcome: 'ok', status: 200, durationMs: 300 });
    exchange({
      ...base,
      endpoint: '/v2/slab/manualSlabAdjustment',
      method: 'POST',
      outcome: 'throttled',
      status: 429,
      durationMs: 20,
      limiterWaitMs: 1500,
      throttle: { pauseMs: 1000 },
    });
    const text = await metrics.registry.metrics();

    expect(text).toContain(
      'tiersync_capillary_requests_total{method="GET",endpoint="/v2/customers/{id}",outcome="ok"} 2',
    );
    expect(text).toContain(
      'tiersync_capillary_requests_total{method="POST",endpoint="/v2/slab/manualSlabAdjustment",outcome="throttled"} 1',
    );
    expect(text).toContain(
      'tiersync_capillary_throttled_total{method="POST",endpoint="/v2/slab/manualSlabAdjustment",retry_after="absent"} 1',
    );
    // 80 ms and 300 ms: one at or below 0.1 s, both at or below 0.5 s.
    expect(text).toContain(
      'tiersync_capillary_request_duration_seconds_bucket{le="0.1",method="GET",endpoint="/v2/customers/{id}"} 1',
    );
    expect(text).toContain(
      'tiersync_capillary_request_duration_seconds_bucket{le="0.5",method="GET",endpoint="/v2/customers/{id}"} 2',
    );
    expect(text).toContain('tiersync_capillary_limiter_wait_seconds_sum 1.5');
    expect(text).toContain('tiersync_capillary_limiter_wait_seconds_count 3');
    expect(text).toContain('tiersync_capillary_rate_limit_per_minute{limit="current"} 45');
    expect(text).toContain('tiersync_capillary_rate_limit_per_minute{limit="configured"} 90');
  });
});
