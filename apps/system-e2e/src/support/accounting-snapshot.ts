import { createKafka, readTopicToEnd, type TopicRecord } from '@tiersync/kafka';
import { parseGroupSyncCommand, parseSyncResult, WEBHOOK_HEADERS } from '@tiersync/tier-events';
import { type AccountingSnapshot } from './accounting';
import { customerOf, type E2eSystem } from './e2e-system';

/**
 * Call it once the system is quiet (E2eSystem.quiesce). `complete` says whether every process that routed
 * events is still running, so the router's metric still holds all its counts.
 */
export async function takeSnapshot(system: E2eSystem, complete: boolean): Promise<AccountingSnapshot> {
  const { topics, sim } = system;
  const [events, rejected, commands, retries, results, deadLetters] = await Promise.all(
    [
      topics.webhookEvents,
      topics.webhookRejected,
      topics.groupCommands,
      topics.groupCommandsRetry,
      topics.syncResults,
      topics.deadLetters,
    ].map((topic) => readAll(system, topic)),
  );
  const ignoredNoGroup = complete
    ? await system.syncMetric('tiersync_router_ignored_total', { reason: 'leads_no_group' })
    : undefined;
  return {
    org: sim.control.state(),
    calls: sim.control.calls(),
    emitted: sim.control.emittedEvents().map((e) => e.eventId),
    deliveries: sim.control.webhookDeliveries(),
    events: (events ?? []).map((record) => ({
      eventId: record.headers[WEBHOOK_HEADERS.eventId] ?? '',
      customerId: customerOf(json(record) as { data: unknown }),
    })),
    rejected: rejected?.length ?? 0,
    commands: [...(commands ?? []), ...(retries ?? [])].map((r) => parseGroupSyncCommand(json(r))),
    results: (results ?? []).map((r) => parseSyncResult(json(r))),
    deadLetters: (deadLetters ?? []).map((r) => ({
      key: r.key ?? '',
      reason: r.headers['reason'] ?? r.value?.toString('utf8').slice(0, 300) ?? '',
    })),
    ...(ignoredNoGroup === undefined ? {} : { ignoredNoGroup }),
  };
}

async function readAll(system: E2eSystem, topic: string): Promise<TopicRecord[]> {
  const records: TopicRecord[] = [];
  await readTopicToEnd(
    createKafka({ ...system.connection, clientId: 'e2e-accounting' }),
    topic,
    { groupPrefix: 'e2e-accounting' },
    (record) => records.push(record),
  );
  return records;
}

function json(record: TopicRecord): unknown {
  return JSON.parse(record.value?.toString('utf8') ?? 'null');
}
